package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.EvaluationJson.Coverage;
import org.outreachexchange.gateway.console.EvaluationJson.CountryCoverage;
import org.outreachexchange.gateway.console.GatewayJson.Advisory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Coverage and advisories: the High-risk economies no activity the officer's government may see covers in the period,
 * every economy's planned activities and still unplanned tools, and the coordination advisories addressed to it.
 */
public record CoverageView(String from, String to, List<Row> uncovered, List<Row> countries, List<AdvisoryRow> advisories,
                           ProblemView problem) {

    public record Row(String country, String countryName, int priority, String category, String riskBandKey,
                      List<UUID> planned, List<CountryView.ToolRow> unplanned) {
        static Row of(CountryCoverage c) {
            return new Row(c.country(), c.countryName(), c.priority(), Labels.categoryNumber(c.category()),
                    Labels.key("risk", c.riskBand()), c.plannedActivities() == null ? List.of() : c.plannedActivities(),
                    c.unplannedTools() == null ? List.of() : c.unplannedTools().stream().map(t -> new CountryView.ToolRow(t.tool(),
                            Labels.key("tool", t.tool()), t.ifNecessary(), t.leads() == null ? List.of() : t.leads())).toList());
        }
    }

    public record AdvisoryRow(UUID id, String kindKey, String recipient, String message, String leads, UUID activityId,
                              UUID otherActivityId, Instant createdAt) {
        static AdvisoryRow of(Advisory a) {
            return new AdvisoryRow(a.id(), Labels.key("advisory", a.kind()), a.recipient(), a.message(),
                    a.leads() == null ? "" : String.join(", ", a.leads()), a.activityId(), a.otherActivityId(), a.createdAt());
        }
    }

    /** The coverage as the API computed it; the uncovered High-risk economies in the API's order (by priority). */
    static CoverageView of(String from, String to, Coverage coverage, List<Advisory> advisories, ProblemView problem) {
        List<Row> rows = coverage == null || coverage.countries() == null ? List.of()
                : coverage.countries().stream().map(Row::of).toList();
        Map<String, Row> byCountry = rows.stream().collect(Collectors.toMap(Row::country, Function.identity()));
        List<Row> uncovered = coverage == null || coverage.uncoveredHighRisk() == null ? List.of()
                : coverage.uncoveredHighRisk().stream().map(byCountry::get).filter(r -> r != null).toList();
        return new CoverageView(from, to, uncovered, rows, advisories.stream().map(AdvisoryRow::of).toList(), problem);
    }
}
