package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Sufficiency;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One element's assessment and evidence as the caller may see it.
 *
 * @param restricted   whether the evidence came from an activity shared with named partners only
 * @param redacted     whether the caller is not among them: then {@code evidence}, {@code asOf} and {@code activityId}
 *                     are null and {@code source} says only that it is a partner activity not shared with the caller;
 *                     {@code proposalId} is the reference the entitled can resolve
 * @param restrictedTo the governments that may see it in full; null when every partner may
 */
public record EvidenceView(Sufficiency assessment, String evidence, String source, LocalDate asOf, UUID activityId,
                           UUID proposalId, boolean restricted, boolean redacted, List<String> restrictedTo) {

    static EvidenceView of(ElementEvidence evidence, String viewer) {
        ElementEvidence shown = evidence.forViewer(viewer);
        return new EvidenceView(shown.assessment(), shown.evidence(), shown.source(), shown.asOf(), shown.activityId(),
                shown.proposalId(), evidence.restricted(), !evidence.visibleTo(viewer), evidence.restrictedTo());
    }

    static Map<Element, EvidenceView> of(Map<Element, ElementEvidence> elements, String viewer) {
        Map<Element, EvidenceView> views = new EnumMap<>(Element.class);
        elements.forEach((element, evidence) -> views.put(element, of(evidence, viewer)));
        return views;
    }
}
