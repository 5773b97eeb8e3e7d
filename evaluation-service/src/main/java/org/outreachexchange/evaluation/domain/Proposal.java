package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A change to the shared evaluation that one government proposes and the other partners concur in or object to:
 * a partner assessment, a criteria version or a completed activity's findings. Nothing changes until the agreed
 * {@link AdoptionRule} is met; one objection drops it.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ProposalKind kind;
    /** The countries whose evaluation it changes, in code order; empty for CRITERIA, which changes every country. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> countries = List.of();
    @Column(name = "proposed_by")
    public String proposedBy;
    /** The proposing agency; null for FINDINGS, which the organizer's activity event proposes. */
    @Column(name = "proposed_by_agency")
    public String proposedByAgency;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    /** The proposer's rationale; for FINDINGS the activity's results summary (restricted detail when restricted). */
    public String rationale;
    /** ASSESSMENT and FINDINGS: new elements and/or factor scores per country. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Mutation> changes = Map.of();
    /** CRITERIA: the proposed weights. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Factor, BigDecimal> weights;
    /** ROLE_SHARING: what the proposer would lead in each category (replacing its row of the table). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Category, List<ToolUse>> leads;
    /** CRITERIA: the proposed High threshold. */
    @Column(name = "high_threshold")
    public BigDecimal highThreshold;
    /** CRITERIA: the version number it became when adopted. */
    @Column(name = "adopted_criteria_version")
    public Integer adoptedCriteriaVersion;
    /** FINDINGS: the activity (restricted detail when restricted; at most one proposal per activity). */
    @Column(name = "activity_id")
    public UUID activityId;
    /** FINDINGS: the activity's type as written (a newer producer's type included). */
    @Column(name = "activity_type")
    public String activityType;
    @Column(name = "activity_title")
    public String activityTitle;
    @Column(name = "activity_completed_on")
    public LocalDate activityCompletedOn;
    /** Null when every partner may see it all; otherwise the governments that may (see {@link Audience}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> audience;
    /**
     * The partners the service trusted when the proposal was opened, in code order: only they answer it, so a partner
     * that joins later cannot decide (or veto) what was put before the partners it joined. Null for proposals opened
     * before electorates were recorded, which the current partners answer.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> electorate;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProposalResponse> responses = new ArrayList<>();
    /** Two governments answering at once must not overwrite each other's response. */
    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    /** An open ASSESSMENT proposal by an agency of {@code government}: {@code change} to one country. */
    public static Proposal openAssessment(UUID id, String government, String agency, String rationale, Instant at,
                                          String country, Mutation change) {
        Proposal proposal = opened(id, ProposalKind.ASSESSMENT, government, agency, rationale, at);
        proposal.countries = List.of(country);
        proposal.changes = Map.of(country, change);
        return proposal;
    }

    /** An open CRITERIA proposal by an agency of {@code government}; its version number is given on adoption. */
    public static Proposal openCriteria(UUID id, String government, String agency, String rationale, Instant at,
                                        Criteria proposed) {
        Proposal proposal = opened(id, ProposalKind.CRITERIA, government, agency, rationale, at);
        proposal.weights = proposed.weights();
        proposal.highThreshold = proposed.highThreshold();
        return proposal;
    }

    /**
     * An open FINDINGS proposal of a completed activity, proposed by its organizer (no agency: the organizer's event
     * proposes it) and kept to the activity's audience.
     *
     * @param summary  the activity's results summary, which becomes the rationale
     * @param findings per country the evidence of each element found
     */
    public static Proposal openFindings(UUID id, String organizer, String summary, Instant at, CompletedActivity activity,
                                        Map<String, Map<Element, ElementEvidence>> findings) {
        Proposal proposal = opened(id, ProposalKind.FINDINGS, organizer, null,
                summary == null || summary.isBlank() ? "Findings of a completed activity" : summary, at);
        Map<String, Mutation> changes = new LinkedHashMap<>();
        new TreeMap<>(findings).forEach((country, byElement) -> changes.put(country, Mutation.ofElements(byElement)));
        proposal.countries = List.copyOf(changes.keySet());
        proposal.changes = changes;
        proposal.activityId = activity.id();
        proposal.activityType = activity.type();
        proposal.activityTitle = activity.title();
        proposal.activityCompletedOn = activity.completedOn();
        proposal.audience = activity.audience().restrictedTo();
        return proposal;
    }

    /**
     * An open ROLE_SHARING proposal: {@code government}'s row of the role-sharing table as the partners document states
     * it. The document is one party's file, so the partners decide it like any change to the shared evaluation.
     */
    public static Proposal openRoleSharing(UUID id, String government, Instant at, Map<Category, List<ToolUse>> leads) {
        Proposal proposal = opened(id, ProposalKind.ROLE_SHARING, government, null,
                "What " + government + " leads, as the partners document states it", at);
        proposal.leads = Map.copyOf(leads);
        return proposal;
    }

    private static Proposal opened(UUID id, ProposalKind kind, String government, String agency, String rationale,
                                   Instant at) {
        Proposal proposal = new Proposal();
        proposal.id = id;
        proposal.kind = kind;
        proposal.proposedBy = government;
        proposal.proposedByAgency = agency;
        proposal.proposedAt = at;
        proposal.rationale = rationale;
        proposal.status = ProposalStatus.OPEN;
        proposal.responses = new ArrayList<>();
        return proposal;
    }

    /** Puts the proposal before {@code partners}, the partners at its opening; only they will answer it. */
    public void openTo(Collection<String> partners) {
        electorate = List.copyOf(new TreeSet<>(partners));
    }

    /**
     * Whether the proposal is about {@code government}'s own evaluation: an assessment or findings of the economy a
     * partner government is (its code is the economy's). Criteria weigh every country alike and concern no one.
     */
    public boolean concerns(String government) {
        return kind != ProposalKind.CRITERIA && countries.contains(government);
    }

    /** Whether {@code government} was among the partners the proposal was opened to. */
    public boolean putBefore(String government) {
        return electorate == null || electorate.contains(government);
    }

    /** Records {@code government}'s concurrence; whether that adopts the proposal is {@link #adoptable}'s to say. */
    public void concur(String government, String agency, String comment, Instant at) {
        answer(new ProposalResponse(government, agency, ProposalResponse.Kind.CONCURRENCE, comment, at));
    }

    /** Records {@code government}'s objection, which drops the proposal. */
    public void object(String government, String agency, String comment, Instant at) {
        answer(new ProposalResponse(government, agency, ProposalResponse.Kind.OBJECTION, comment, at));
        status = ProposalStatus.DROPPED;
        decidedAt = at;
    }

    /**
     * Adopts the open proposal. A CRITERIA proposal becomes the version after the one in force.
     *
     * @return the criteria the adoption re-evaluates under: a CRITERIA proposal's own, otherwise those in force
     */
    public Criteria adopt(Criteria inForce, Instant at) {
        if (status != ProposalStatus.OPEN) {
            throw new IllegalStateException("proposal " + id + " is " + status + " and cannot be adopted");
        }
        status = ProposalStatus.ADOPTED;
        decidedAt = at;
        if (kind != ProposalKind.CRITERIA) {
            return inForce;
        }
        adoptedCriteriaVersion = inForce.version() + 1;
        return criteria(adoptedCriteriaVersion);
    }

    /** Only another government may answer, once, and only while the proposal is open. */
    private void answer(ProposalResponse response) {
        String government = response.government();
        if (proposedBy.equals(government)) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.OWN_PROPOSAL,
                    government + " made this proposal and cannot answer it");
        }
        if (status != ProposalStatus.OPEN) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.DECIDED,
                    "proposal " + id + " is " + status + " and takes no more answers");
        }
        if (!putBefore(government)) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.NOT_IN_ELECTORATE, government
                    + " was not a partner when proposal " + id + " was opened (it was put before " + String.join(", ", electorate)
                    + "); a partner answers the proposals opened after it joined");
        }
        if (concerns(government)) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.CONFLICT_OF_INTEREST, "proposal " + id
                    + " is about " + government + "'s own evaluation; a partner that is an evaluated economy does not answer"
                    + " proposals about itself, and its answer would not count");
        }
        if (answeredBy(government)) {
            throw new AnswerRefusedException(AnswerRefusedException.Reason.ALREADY_ANSWERED,
                    government + " has already answered proposal " + id);
        }
        // A copy rather than an add: the list read from the JSON column may not be modifiable, and a new value is
        // sure to be seen as a change, which raises the lock version.
        List<ProposalResponse> answered = new ArrayList<>(responses);
        answered.add(response);
        responses = answered;
    }

    public boolean answeredBy(String government) {
        return responses.stream().anyMatch(r -> r.government().equals(government));
    }

    public Audience audience() {
        return new Audience(audience);
    }

    public boolean restricted() {
        return audience != null;
    }

    /** Whether {@code government} may see the proposal in full (its activity, evidence and rationale). */
    public boolean visibleTo(String government) {
        return audience().visibleTo(government);
    }

    /**
     * The governments whose answer counts: the partners it was opened to that still are partners, but the proposer and
     * any partner the proposal is about ({@link #concerns}).
     */
    public Set<String> others(Set<String> partners) {
        Set<String> others = new TreeSet<>(partners);
        if (electorate != null) {
            others.retainAll(electorate);
        }
        others.remove(proposedBy);
        others.removeIf(this::concerns);
        return others;
    }

    /** The governments that concurred, in the order they did. */
    public List<String> concurring() {
        return responses.stream().filter(r -> r.kind() == ProposalResponse.Kind.CONCURRENCE)
                .map(ProposalResponse::government).toList();
    }

    /** The other partners still to answer; none once decided. */
    public List<String> awaiting(Set<String> partners) {
        if (status != ProposalStatus.OPEN) {
            return List.of();
        }
        return AdoptionRule.awaiting(others(partners), responses.stream().map(ProposalResponse::government).toList());
    }

    /**
     * Whether the proposal is one {@code government} still has to answer: open, not its own, put before it, not about
     * it, not answered.
     */
    public boolean awaits(String government) {
        return status == ProposalStatus.OPEN && !proposedBy.equals(government) && putBefore(government)
                && !concerns(government) && !answeredBy(government);
    }

    public boolean adoptable(AdoptionRule rule, Set<String> partners) {
        return rule.isMet(others(partners), concurring());
    }

    /** What an adoption of this proposal is recorded as having come from: the proposal, and its proposer. */
    public Origin origin() {
        OriginKind origin = switch (kind) {
            case ASSESSMENT -> OriginKind.PARTNER_ASSESSMENT;
            case CRITERIA -> OriginKind.CRITERIA_REVIEW;
            case FINDINGS -> OriginKind.ACTIVITY_RESULTS;
            case ROLE_SHARING -> throw new IllegalStateException("role sharing changes no country's evaluation");
        };
        return new Origin(origin, id.toString(), proposedBy);
    }

    /** The proposed criteria, under the version number they would take. */
    public Criteria criteria(int version) {
        return new Criteria(version, weights, highThreshold);
    }

    /** Element and factor changes per country, in country order. */
    public Map<String, Mutation> orderedChanges() {
        return new TreeMap<>(changes);
    }

    /**
     * A one-line description that every partner may read: never a restricted activity's title, id, type, dates or
     * evidence text, only who proposed what for which country.
     */
    public String summary() {
        return switch (kind) {
            case ASSESSMENT -> "Assessment by " + proposedBy + " of " + describeChanges();
            case CRITERIA -> "Criteria proposed by " + proposedBy + ": weights " + describe(weights) + "; High from "
                    + highThreshold.stripTrailingZeros().toPlainString();
            case FINDINGS -> (restricted() ? "Findings of a completed " + proposedBy + " activity on "
                    : "Findings of completed " + proposedBy + " activity \"" + activityTitle + "\" on ") + describeChanges();
            case ROLE_SHARING -> "Role sharing: " + proposedBy + " to lead " + describeLeads();
        };
    }

    /**
     * The reason recorded in the history and the re-evaluation events when adopted; for a restricted activity only
     * that it was one, and the proposal id (which the entitled can resolve).
     */
    public String adoptionReason() {
        String concurrence = "adopted with the concurrence of " + String.join(", ", concurring());
        return switch (kind) {
            case ASSESSMENT -> "Partner assessment by " + proposedBy + " " + concurrence + ": " + rationale;
            case CRITERIA -> "Criteria version " + adoptedCriteriaVersion + " proposed by " + proposedBy + " " + concurrence
                    + ": " + rationale;
            case FINDINGS -> restricted()
                    ? "Findings of a completed " + proposedBy + " activity not shared with all partners (proposal " + id + ") "
                    + concurrence
                    : "Findings of completed activity \"" + activityTitle + "\" (" + activityId + ") by " + proposedBy
                    + (activityCompletedOn == null ? "" : " on " + activityCompletedOn) + ", " + concurrence;
            case ROLE_SHARING -> "Role sharing for " + proposedBy + " " + concurrence + ": " + describeLeads();
        };
    }

    private String describeChanges() {
        List<String> parts = new ArrayList<>();
        orderedChanges().forEach((country, mutation) -> {
            List<String> items = new ArrayList<>();
            mutation.orderedElements().forEach((element, evidence) -> items.add(element + " " + evidence.assessment()));
            mutation.orderedFactors().forEach((factor, score) -> items.add(factor + " " + score.stripTrailingZeros().toPlainString()));
            parts.add(country + ": " + String.join(", ", items));
        });
        return String.join("; ", parts);
    }

    private String describeLeads() {
        if (leads.isEmpty()) {
            return "nothing";
        }
        return new TreeMap<>(leads).entrySet().stream().map(e -> e.getKey() + " " + e.getValue().stream()
                .map(t -> t.tool() + (t.ifNecessary() ? " (if necessary)" : "")).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String describe(Map<Factor, BigDecimal> weights) {
        Map<Factor, BigDecimal> ordered = new EnumMap<>(Factor.class);
        ordered.putAll(weights);
        return ordered.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
