package org.outreachexchange.evaluation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One element's assessment and why it is believed.
 *
 * @param assessment   how the element is assessed
 * @param evidence     the text supporting it
 * @param source       who says so and where: a document, an activity or a partner assessment
 * @param asOf         the date the evidence refers to
 * @param activityId   the activity whose findings gave it, if any
 * @param proposalId   the proposal whose adoption gave it, if any; the reference everyone may see
 * @param restrictedTo null when every partner may see the evidence; otherwise the governments that may (the audience
 *                     of the activity it came from). Rows stored before these fields existed read them as null.
 */
public record ElementEvidence(Sufficiency assessment, String evidence, String source, LocalDate asOf, UUID activityId,
                              UUID proposalId, List<String> restrictedTo) {

    /** What a government not entitled to a restricted activity's evidence reads as its source. */
    public static final String WITHHELD_SOURCE = "a partner activity not shared with your government";

    public ElementEvidence {
        restrictedTo = restrictedTo == null ? null : List.copyOf(restrictedTo);
    }

    /** Evidence every partner may see, from no particular activity or proposal (e.g. Annex I). */
    public ElementEvidence(Sufficiency assessment, String evidence, String source, LocalDate asOf) {
        this(assessment, evidence, source, asOf, null, null, null);
    }

    public boolean restricted() {
        return restrictedTo != null;
    }

    public boolean visibleTo(String government) {
        return new Audience(restrictedTo).visibleTo(government);
    }

    /**
     * What a government may read of this evidence: all of it when entitled; otherwise the assessment (the shared
     * evaluation's state is shared), the proposal reference and who may see it, but no text, source, activity or date.
     */
    public ElementEvidence forViewer(String government) {
        if (visibleTo(government)) {
            return this;
        }
        return new ElementEvidence(assessment, null, WITHHELD_SOURCE, null, null, proposalId, restrictedTo);
    }
}
