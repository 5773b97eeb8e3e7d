package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** The gateway's own record of the evaluation-service's re-evaluation event data. */
public record CountryReevaluated(String country, String countryName, Integer evaluationVersion, String reason,
                                 JsonNode origin, JsonNode before, State after, List<String> changes,
                                 Recommendation recommendation, Instant occurredAt) {

    public record State(String category, String riskBand, Double riskScore, Integer priority) {
    }

    public record Recommendation(String category, String objective, List<Tool> tools) {
    }

    /** A recommended tool (an activity type) and the partners that lead it for the category. */
    public record Tool(String tool, boolean ifNecessary, List<String> leads) {
    }

    public CountryReevaluated requireUsable() {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("re-evaluation event: missing or invalid country");
        }
        if (evaluationVersion == null || after == null || after.category() == null || occurredAt == null) {
            throw new IllegalArgumentException("re-evaluation event: missing evaluationVersion, after.category or occurredAt");
        }
        return this;
    }

    public boolean categoryChanged() {
        return changes != null && changes.contains("CATEGORY");
    }

    public List<Tool> tools() {
        return recommendation == null || recommendation.tools() == null ? List.of() : recommendation.tools();
    }
}
