package org.outreachexchange.identity.partners;

import java.util.List;

/** A partners document that cannot be used, with every problem found (each names its JSON path). */
public class PartnersDocumentException extends IllegalArgumentException {

    private final List<String> problems;

    public PartnersDocumentException(List<String> problems) {
        super("invalid partners document: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
