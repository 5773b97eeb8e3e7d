package org.outreachexchange.gateway.console;

import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.console.GatewayJson.ComplianceItem;
import org.outreachexchange.gateway.console.GatewayJson.ComplianceReport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceViewTest {

    static ComplianceItem item(String start, String outcome) {
        return new ComplianceItem(UUID.randomUUID(), "INDUSTRY_OUTREACH_SEMINAR", start == null ? null : LocalDate.parse(start),
                outcome, null, null, 0);
    }

    @Test
    void countsOutcomesByTheMonthOfEachActivitysFirstDayAcrossThePeriod() {
        ComplianceView.Chart chart = ComplianceView.monthly(LocalDate.parse("2008-06-15"), LocalDate.parse("2008-09-01"), List.of(
                item("2008-07-24", "COMPLIANT"), item("2008-07-01", "COMPLIANT"), item("2008-09-01", "LATE"),
                item("2008-06-20", "INCOMPLETE"), item(null, "PENDING")));

        assertThat(chart.monthLabels()).isEqualTo("2008-06,2008-07,2008-08,2008-09");
        assertThat(chart.months()).startsWith("1212278400,");
        assertThat(chart.series()).extracting(ComplianceView.Series::outcome, ComplianceView.Series::values).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMPLIANT", "0,2,0,0"),
                org.assertj.core.groups.Tuple.tuple("LATE", "0,0,0,1"),
                org.assertj.core.groups.Tuple.tuple("INCOMPLETE", "1,0,0,0"),
                org.assertj.core.groups.Tuple.tuple("PENDING", "0,0,0,0"));
        assertThat(chart.rows().get(1).month()).isEqualTo("2008-07");
        assertThat(chart.rows().get(1).counts()).containsExactly(2L, 0L, 0L, 0L);
    }

    @Test
    void theRateIsShownAsAPercentageAndNoneWhenNothingWasDecided() {
        ComplianceReport decided = new ComplianceReport("JP", null, null, 3, 2, 1, 0, 0, 0, 2.0 / 3, List.of());
        ComplianceReport undecided = new ComplianceReport("AU", null, null, 1, 0, 0, 0, 1, 0, null, List.of());

        assertThat(ComplianceView.Summary.of(decided, "JP").rate()).isEqualTo("67%");
        assertThat(ComplianceView.Summary.of(decided, "JP").chosen()).isTrue();
        assertThat(ComplianceView.Summary.of(undecided, "JP").rate()).isEqualTo("–");
    }
}
