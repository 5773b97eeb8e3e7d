package org.outreachexchange.gateway.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The evaluation-service's answers as the console reads them (its README, "REST API"); fields not shown are left out. */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    public record Evidence(String assessment, String evidence, String source, LocalDate asOf, UUID activityId,
                           UUID proposalId, boolean restricted, boolean redacted, List<String> restrictedTo) {
    }

    public record RecommendedTool(String tool, boolean ifNecessary, List<String> leads) {
    }

    public record Recommendation(String category, String objective, List<RecommendedTool> tools) {
    }

    public record ProposedChange(UUID proposalId, String kind, String proposedBy, Instant proposedAt,
                                 Map<String, Evidence> elements, Map<String, BigDecimal> factors, boolean restricted,
                                 boolean redacted) {
    }

    public record Evaluation(String country, String countryName, String category, Map<String, Evidence> elements,
                             Map<String, BigDecimal> factors, BigDecimal riskScore, String riskBand, int priority,
                             int criteriaVersion, int evaluationVersion, Instant effectiveAt, Recommendation recommendation,
                             List<ProposedChange> proposed) {
    }

    public record Origin(String kind, String reference, String government) {
    }

    public record History(int evaluationVersion, Instant effectiveAt, Instant recordedAt, String reason, Origin origin,
                          List<String> changes, Evaluation evaluation) {
    }

    public record Change(Map<String, Evidence> elements, Map<String, BigDecimal> factors) {
    }

    public record CriteriaChange(Map<String, BigDecimal> weights, BigDecimal highThreshold, Integer adoptedVersion) {
    }

    public record Activity(UUID activityId, String type, String title, LocalDate completedOn) {
    }

    public record Response(String government, String agency, String kind, String comment, Instant at) {
    }

    public record Proposal(UUID id, String kind, String status, String summary, String proposedBy, String proposedByAgency,
                           Instant proposedAt, Instant decidedAt, List<String> countries, String rationale,
                           Map<String, Change> changes, CriteriaChange criteria, Activity activity, boolean restricted,
                           boolean redacted, List<String> audience, List<Response> responses, List<String> awaiting) {
    }

    public record Criteria(int version, Map<String, BigDecimal> weights, BigDecimal highThreshold, String rationale,
                           String adoptedBy, UUID proposalId, Instant adoptedAt) {
    }

    /** A criteria version to preview or propose; numbers as typed, so the API names any that is not one. */
    public record CriteriaRequest(Map<String, Object> weights, Object highThreshold, String rationale) {
    }

    public record CountryChange(String country, String countryName, List<String> changes, String category,
                                String riskBandBefore, String riskBandAfter, BigDecimal riskScoreBefore,
                                BigDecimal riskScoreAfter, int priorityBefore, int priorityAfter, String why) {
    }

    public record CriteriaPreview(int currentVersion, Criteria proposed, List<CountryChange> changes) {
    }

    public record CountryCoverage(String country, String countryName, int priority, String riskBand, String category,
                                  List<UUID> plannedActivities, List<RecommendedTool> unplannedTools) {
    }

    public record Coverage(LocalDate from, LocalDate to, List<String> uncoveredHighRisk, List<CountryCoverage> countries) {
    }

    /** A concurrence or objection; the government is the caller's own, from its token. */
    public record Answer(String comment) {
    }
}
