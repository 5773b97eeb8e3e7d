package org.outreachexchange.evaluation.service;

import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.RecommendedTool;
import org.outreachexchange.evaluation.domain.RiskBand;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How well planned activities cover the evaluation in a period, counting only the activities the caller may see.
 *
 * @param uncoveredHighRisk High-risk countries with no activity planned in the period, by priority
 * @param countries         every country by priority, with the recommended tools no partner has planned
 */
public record Coverage(LocalDate from, LocalDate to, List<String> uncoveredHighRisk, List<CountryCoverage> countries) {

    public record CountryCoverage(String country, String countryName, int priority, RiskBand riskBand, Category category,
                                  List<UUID> plannedActivities, List<RecommendedTool> unplannedTools) {
    }
}
