package org.outreachexchange.identity.partners;

import java.util.Objects;

/**
 * A tool a partner leads for a category of recipient countries (the source document's role sharing).
 * The tool is kept as its name: the evaluation-service owns the tool vocabulary and reads an unknown name tolerantly.
 *
 * @param ifNecessary the source document's "(if necessary)"
 */
public record LeadTool(String tool, boolean ifNecessary) {

    public LeadTool {
        Objects.requireNonNull(tool, "tool");
    }
}
