package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalResponse;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.domain.ToolUse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proposal as the caller may see it. For a restricted FINDINGS proposal and a caller not in its {@code audience}
 * ({@code redacted: true}): the countries, elements and assessments, who proposed it and who answered remain; the
 * evidence text, the activity (id, type, title, completion date), the rationale (the results summary) and other
 * governments' comments are withheld.
 *
 * @param changes  ASSESSMENT and FINDINGS: per country, the elements (with evidence) and factor scores it would set
 * @param criteria CRITERIA: the proposed weights and threshold, and the version they became once adopted
 * @param activity FINDINGS: the completed activity; null when redacted
 * @param awaiting   the partners still to answer; empty once decided
 * @param electorate the partners the proposal was put before when it was opened (null: the current partners)
 * @param leads      ROLE_SHARING: what the proposer would lead in each category
 */
public record ProposalView(UUID id, ProposalKind kind, ProposalStatus status, String summary, String proposedBy,
                           String proposedByAgency, Instant proposedAt, Instant decidedAt, List<String> countries,
                           String rationale, Map<String, Change> changes, CriteriaChange criteria, Activity activity,
                           boolean restricted, boolean redacted, List<String> audience, List<Response> responses,
                           List<String> awaiting, List<String> electorate, Map<Category, List<ToolUse>> leads) {

    public record Change(Map<Element, EvidenceView> elements, Map<Factor, BigDecimal> factors) {
    }

    public record CriteriaChange(Map<Factor, BigDecimal> weights, BigDecimal highThreshold, Integer adoptedVersion) {
    }

    public record Activity(UUID activityId, String type, String title, LocalDate completedOn) {
    }

    /** A concurrence or objection; the comment is withheld from a caller the proposal is redacted for, but its own. */
    public record Response(String government, String agency, ProposalResponse.Kind kind, String comment, Instant at) {
    }

    static ProposalView of(Proposal p, String viewer, List<String> awaiting) {
        boolean redacted = !p.visibleTo(viewer);
        Map<String, Change> changes = new LinkedHashMap<>();
        p.orderedChanges().forEach((country, mutation) -> changes.put(country,
                new Change(EvidenceView.of(mutation.elements(), viewer), mutation.orderedFactors())));
        CriteriaChange criteria = null;
        if (p.kind == ProposalKind.CRITERIA) {
            Map<Factor, BigDecimal> weights = new EnumMap<>(Factor.class);
            weights.putAll(p.weights);
            criteria = new CriteriaChange(weights, p.highThreshold, p.adoptedCriteriaVersion);
        }
        Activity activity = p.kind != ProposalKind.FINDINGS || redacted ? null
                : new Activity(p.activityId, p.activityType, p.activityTitle, p.activityCompletedOn);
        List<Response> responses = p.responses.stream().map(r -> new Response(r.government(), r.agency(), r.kind(),
                redacted && !r.government().equals(viewer) ? null : r.comment(), r.at())).toList();
        return new ProposalView(p.id, p.kind, p.status, p.summary(), p.proposedBy, p.proposedByAgency, p.proposedAt,
                p.decidedAt, List.copyOf(p.countries), redacted ? null : p.rationale, changes, criteria, activity,
                p.restricted(), redacted, p.audience, responses, List.copyOf(awaiting), p.electorate, p.leads);
    }
}
