package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.evaluation.domain.CountryEvaluation;
import org.outreachexchange.evaluation.domain.CountryEvaluationRepository;
import org.outreachexchange.evaluation.domain.RecommendedTool;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.domain.RoleSharingTable;
import org.outreachexchange.evaluation.domain.TrackedActivity;
import org.outreachexchange.evaluation.domain.TrackedActivityRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Compares what the evaluations recommend with the activities partners have proposed, planned or held in a period, as
 * one government sees them: an activity not shared with it counts for nothing, so neither its id nor the tools it
 * covers nor the countries it covers reveal it.
 */
@ApplicationScoped
public class CoverageService {

    private final CountryEvaluationRepository countries;
    private final TrackedActivityRepository activities;

    private final RoleSharingService roles;

    CoverageService(CountryEvaluationRepository countries, TrackedActivityRepository activities, RoleSharingService roles) {
        this.roles = roles;
        this.countries = countries;
        this.activities = activities;
    }

    @Transactional
    public Coverage coverage(LocalDate from, LocalDate to, String viewer) {
        List<TrackedActivity> inPeriod = activities.activeBetween(from, to).stream()
                .filter(a -> a.audience().visibleTo(viewer))
                .toList();
        List<Coverage.CountryCoverage> result = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        List<CountryEvaluation> byPriority = countries.allByCountry().stream()
                .sorted(Comparator.comparingInt(c -> c.priority)).toList();
        RoleSharingTable inForce = roles.inForce();
        for (CountryEvaluation country : byPriority) {
            List<TrackedActivity> planned = inPeriod.stream().filter(a -> a.recipients.contains(country.country)).toList();
            List<RecommendedTool> unplanned = ReferenceData.recommendation(country.category, inForce).tools().stream()
                    .filter(tool -> planned.stream().noneMatch(a -> tool.tool().name().equals(a.type)))
                    .toList();
            List<UUID> ids = planned.stream().map(a -> a.activityId).sorted().toList();
            if (country.riskBand == RiskBand.HIGH && planned.isEmpty()) {
                uncovered.add(country.country);
            }
            result.add(new Coverage.CountryCoverage(country.country, country.countryName, country.priority,
                    country.riskBand, country.category, ids, unplanned));
        }
        return new Coverage(from, to, uncovered, result);
    }
}
