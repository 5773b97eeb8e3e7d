package org.outreachexchange.evaluation.domain;

import java.time.LocalDate;

/**
 * One element's assessment and why it is believed.
 *
 * @param assessment how the element is assessed
 * @param evidence   the text supporting it
 * @param source     who says so and where: a document, an activity or a partner assessment
 * @param asOf       the date the evidence refers to
 */
public record ElementEvidence(Sufficiency assessment, String evidence, String source, LocalDate asOf) {
}
