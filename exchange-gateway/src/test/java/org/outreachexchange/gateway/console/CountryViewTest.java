package org.outreachexchange.gateway.console;

import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.console.EvaluationJson.Evaluation;
import org.outreachexchange.gateway.console.EvaluationJson.Evidence;
import org.outreachexchange.gateway.console.EvaluationJson.History;
import org.outreachexchange.gateway.console.EvaluationJson.Origin;
import org.outreachexchange.gateway.console.EvaluationJson.Recommendation;
import org.outreachexchange.gateway.console.EvaluationJson.RecommendedTool;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CountryViewTest {

    static Evaluation malaysia(String category, Map<String, Evidence> elements) {
        return new Evaluation("MY", "Malaysia", category, elements,
                Map.of("TIES_TO_COUNTRIES_OF_CONCERN", new BigDecimal("0.5"), "TECHNOLOGY_LEVEL", new BigDecimal("0.6000")),
                new BigDecimal("0.5750"), "LOW", 5, 1, 2, Instant.parse("2008-12-05T10:00:00Z"),
                new Recommendation(category, "Strengthen enforcement", List.of(
                        new RecommendedTool("OFFICER_TRAINING", false, List.of("US", "AU")),
                        new RecommendedTool("LEGAL_ASSISTANCE", true, List.of("US", "AU")))), null);
    }

    static Evidence evidence(String assessment, boolean redacted) {
        return new Evidence(assessment, redacted ? null : "seen at the seminar", redacted ? "a partner activity" : "Annex I",
                redacted ? null : LocalDate.parse("2008-06-20"), null, null, redacted, redacted, redacted ? List.of("JP", "US") : null);
    }

    @Test
    void showsTheElementsInTheSourceDocumentsOrderWithTheCategoryAsItsNumber() {
        Map<String, Evidence> elements = new LinkedHashMap<>();
        elements.put("INDUSTRY_COOPERATION", evidence("INSUFFICIENT", false));
        elements.put("ENFORCEMENT", evidence("INSUFFICIENT", false));
        elements.put("INTENTION", evidence("SUFFICIENT", false));
        elements.put("LAWS_REGULATIONS", evidence("SUFFICIENT", true));

        CountryView view = CountryView.of(malaysia("CATEGORY_3", elements), List.of(), null);

        assertThat(view.elements()).extracting(CountryView.ElementRow::element)
                .containsExactly("INTENTION", "LAWS_REGULATIONS", "ENFORCEMENT", "INDUSTRY_COOPERATION");
        assertThat(view.category()).isEqualTo("3");
        assertThat(view.categoryKey()).isEqualTo("category_CATEGORY_3");
        assertThat(view.elements().get(1).redacted()).isTrue();
        assertThat(view.elements().get(1).evidence()).isNull();
        assertThat(view.factors()).extracting(CountryView.FactorRow::factor, CountryView.FactorRow::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TECHNOLOGY_LEVEL", "0.6"),
                        org.assertj.core.groups.Tuple.tuple("TIES_TO_COUNTRIES_OF_CONCERN", "0.5"));
        assertThat(view.riskScore()).isEqualTo("0.575");
        assertThat(view.asOf()).isFalse();
    }

    @Test
    void recommendsEachToolWithThePartnersThatLeadIt() {
        CountryView view = CountryView.of(malaysia("CATEGORY_3", Map.of()), List.of(), LocalDate.parse("2008-07-01"));

        assertThat(view.tools()).extracting(CountryView.ToolRow::toolKey, CountryView.ToolRow::leadList, CountryView.ToolRow::ifNecessary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tool_OFFICER_TRAINING", "US, AU", false),
                        org.assertj.core.groups.Tuple.tuple("tool_LEGAL_ASSISTANCE", "US, AU", true));
        assertThat(view.objective()).isEqualTo("Strengthen enforcement");
        assertThat(view.asOf()).isTrue();
        assertThat(view.at()).isEqualTo("2008-07-01");
    }

    @Test
    void theTimelineGivesEachChangeItsDayOriginAndTheStateAfterIt() {
        History seed = new History(1, Instant.parse("2008-06-20T00:00:00Z"), Instant.parse("2008-06-24T09:00:00Z"),
                "Annex I", new Origin("SEED", null, null), List.of("CATEGORY", "RISK_BAND"), malaysia("CATEGORY_2", Map.of()));
        History findings = new History(2, Instant.parse("2008-12-05T23:30:00Z"), Instant.parse("2008-12-05T23:30:00Z"),
                "Findings adopted", new Origin("ACTIVITY_RESULTS", UUID.randomUUID().toString(), "JP"), List.of("CATEGORY"),
                malaysia("CATEGORY_3", Map.of()));

        CountryView view = CountryView.of(malaysia("CATEGORY_3", Map.of()), List.of(seed, findings), null);

        assertThat(view.history()).extracting(CountryView.Moment::day, CountryView.Moment::originKey,
                CountryView.Moment::government, CountryView.Moment::category, CountryView.Moment::changeList)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2008-06-20"), "origin_SEED", null, "2", "CATEGORY, RISK_BAND"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2008-12-05"), "origin_ACTIVITY_RESULTS", "JP", "3", "CATEGORY"));
    }

    @Test
    void anEconomyPastTheCategoriesHasNoCategoryNumber() {
        assertThat(Labels.categoryNumber("BEYOND_CATEGORIES")).isEqualTo("–");
        assertThat(BoardView.Row.of(malaysia("CATEGORY_1", Map.of())).category()).isEqualTo("1");
    }
}
