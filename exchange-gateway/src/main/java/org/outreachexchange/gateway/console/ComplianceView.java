package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.GatewayJson.ComplianceItem;
import org.outreachexchange.gateway.console.GatewayJson.ComplianceReport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Advance-notice compliance in a period: one report per partner government (as the gateway reports it to the
 * officer), and for the chosen government its activities and a chart of their outcomes by month of their first day.
 */
public record ComplianceView(String government, String from, String to, List<Summary> summaries, List<ItemRow> items,
                             Chart chart, List<String> governments, ProblemView problem) {

    /** The notice outcomes the chart and the summaries count. */
    static final List<String> OUTCOMES = List.of("COMPLIANT", "LATE", "INCOMPLETE", "PENDING");

    public record Summary(String government, int activities, int compliant, int late, int incomplete, int pending,
                          int shortNoticeChanges, String rate, boolean chosen) {
        static Summary of(ComplianceReport r, String chosen) {
            return new Summary(r.government(), r.activities(), r.compliant(), r.late(), r.incomplete(), r.pending(),
                    r.shortNoticeChanges(), r.complianceRate() == null ? "–" : Math.round(r.complianceRate() * 100) + "%",
                    r.government().equals(chosen));
        }
    }

    public record ItemRow(String activityId, String typeKey, String start, String outcome, String outcomeKey, String deadline,
                          String noticedAt, int shortNoticeChanges) {
        static ItemRow of(ComplianceItem i) {
            return new ItemRow(i.activityId().toString(), Labels.key("type", i.type()), i.start() == null ? "" : i.start().toString(),
                    i.outcome(), Labels.key("outcome", i.outcome()),
                    i.deadline() == null ? "" : LocalDate.ofInstant(i.deadline(), ZoneOffset.UTC).toString(),
                    i.noticedAt() == null ? "" : LocalDate.ofInstant(i.noticedAt(), ZoneOffset.UTC).toString(),
                    i.shortNoticeChanges());
        }
    }

    /**
     * The chart's data as the page carries it to uPlot (no inline script): the x values are the months' first days in
     * Unix seconds, one comma-separated series per outcome.
     */
    public record Chart(String months, String monthLabels, List<Series> series, List<MonthRow> rows) {
        static final Chart NONE = new Chart("", "", List.of(), List.of());

        public boolean empty() {
            return months.isEmpty();
        }
    }

    public record Series(String outcome, String labelKey, String values) {
    }

    /** The chart's numbers as a table row, for those who do not see the chart. */
    public record MonthRow(String month, List<Long> counts) {
    }

    /** Counts per month of the activities' first days, from the first month of the period to its last. */
    static Chart monthly(LocalDate from, LocalDate to, List<ComplianceItem> items) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)) && months.size() < 240; m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, Map<YearMonth, Long>> counts = items.stream().filter(i -> i.start() != null && i.outcome() != null)
                .collect(Collectors.groupingBy(ComplianceItem::outcome,
                        Collectors.groupingBy(i -> YearMonth.from(i.start()), Collectors.counting())));
        List<Series> series = OUTCOMES.stream().map(outcome -> new Series(outcome, Labels.key("outcome", outcome),
                months.stream().map(m -> String.valueOf(counts.getOrDefault(outcome, Map.of()).getOrDefault(m, 0L)))
                        .collect(Collectors.joining(",")))).toList();
        List<MonthRow> rows = months.stream().map(m -> new MonthRow(m.toString(), OUTCOMES.stream()
                .map(outcome -> counts.getOrDefault(outcome, Map.of()).getOrDefault(m, 0L)).toList())).toList();
        return new Chart(months.stream().map(m -> String.valueOf(m.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)))
                .collect(Collectors.joining(",")), months.stream().map(YearMonth::toString).collect(Collectors.joining(",")),
                series, rows);
    }
}
