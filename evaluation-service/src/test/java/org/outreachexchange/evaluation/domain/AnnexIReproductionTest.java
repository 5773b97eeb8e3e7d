package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AnnexIReproductionTest {

    private static List<CountryState> seed() {
        return AnnexI.ENTRIES.stream().map(e -> new CountryState(e.country(), e.name(), e.elements(), e.factors(),
                null, null, null, 0, 0)).toList();
    }

    private static Map<String, CountryState> evaluated(Criteria criteria) {
        return Evaluator.reevaluate(seed(), Map.of(), criteria, true).stream().map(Outcome::after)
                .collect(Collectors.toMap(CountryState::country, Function.identity()));
    }

    @Test
    void defaultCriteriaReproduceTheCategoryAndBandOfEveryAnnexIEconomy() {
        Map<String, CountryState> states = evaluated(AnnexI.defaultCriteria());
        assertThat(states).hasSize(20);
        for (AnnexI.Entry entry : AnnexI.ENTRIES) {
            assertThat(states.get(entry.country()).category()).as(entry.name()).isEqualTo(entry.category());
            assertThat(states.get(entry.country()).riskBand()).as(entry.name()).isEqualTo(entry.band());
        }
        assertThat(states.values().stream().filter(s -> s.riskBand() == RiskBand.HIGH).map(CountryState::country))
                .containsExactlyInAnyOrder("TH", "PH", "ID", "VN");
    }

    @Test
    void highRiskEconomiesComeFirstInPriorityAndRanksAreAPermutation() {
        Map<String, CountryState> states = evaluated(AnnexI.defaultCriteria());
        assertThat(states.values().stream().map(CountryState::priority).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        states.values().stream().filter(s -> s.riskBand() == RiskBand.HIGH)
                .forEach(s -> assertThat(s.priority()).as(s.country()).isLessThanOrEqualTo(4));
        assertThat(states.get("VN").priority()).isEqualTo(1);
    }

    @Test
    void equalRiskRanksTheCountryFartherFromEffectiveControlsFirstThenByCode() {
        Map<Factor, BigDecimal> same = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            same.put(f, new BigDecimal("0.5"));
        }
        AnnexI.Entry cat1 = AnnexI.ENTRIES.get(0);
        AnnexI.Entry cat4 = AnnexI.ENTRIES.get(19);
        List<CountryState> states = List.of(
                new CountryState("ZZ", "Z", cat1.elements(), same, null, null, null, 0, 0),
                new CountryState("AA", "A", cat4.elements(), same, null, null, null, 0, 0),
                new CountryState("BB", "B", cat1.elements(), same, null, null, null, 0, 0));
        Map<String, Integer> ranks = Evaluator.reevaluate(states, Map.of(), AnnexI.defaultCriteria(), true).stream()
                .collect(Collectors.toMap(o -> o.after().country(), o -> o.after().priority()));
        assertThat(ranks).containsEntry("BB", 1).containsEntry("ZZ", 2).containsEntry("AA", 3);
    }

    @Test
    void categoryIsTheFirstElementNotSufficientAndUncertainCountsAsNotSufficient() {
        Map<Element, Sufficiency> elements = new EnumMap<>(Element.class);
        elements.put(Element.INTENTION, Sufficiency.SUFFICIENT);
        elements.put(Element.LAWS_REGULATIONS, Sufficiency.SUFFICIENT);
        elements.put(Element.ENFORCEMENT, Sufficiency.UNCERTAIN);
        elements.put(Element.INDUSTRY_COOPERATION, Sufficiency.SUFFICIENT);
        assertThat(Category.derive(elements)).isEqualTo(Category.CATEGORY_3);
        elements.put(Element.ENFORCEMENT, Sufficiency.SUFFICIENT);
        assertThat(Category.derive(elements)).isEqualTo(Category.BEYOND_CATEGORIES);
        elements.put(Element.INTENTION, Sufficiency.INSUFFICIENT);
        assertThat(Category.derive(elements)).isEqualTo(Category.CATEGORY_1);
    }

    @Test
    void aChangeToOneCountrysRiskMovesOtherCountriesRanks() {
        List<CountryState> current = Evaluator.reevaluate(seed(), Map.of(), AnnexI.defaultCriteria(), true).stream()
                .map(Outcome::after).toList();
        Map<Factor, BigDecimal> high = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            high.put(f, BigDecimal.ONE);
        }
        List<Outcome> outcomes = Evaluator.reevaluate(current, Map.of("LK", new Mutation(Map.of(), high)),
                AnnexI.defaultCriteria(), false);
        Map<String, Outcome> byCountry = outcomes.stream().collect(Collectors.toMap(o -> o.after().country(), o -> o));
        assertThat(byCountry.get("LK").changes()).containsExactlyInAnyOrder(Change.RISK_SCORE, Change.RISK_BAND, Change.PRIORITY);
        assertThat(byCountry.get("VN").changes()).containsExactly(Change.PRIORITY);
        assertThat(byCountry.get("VN").altered()).isFalse();
        // Brunei has the lowest risk and keeps the last rank; everyone ranked above Sri Lanka moves down one.
        assertThat(byCountry.get("BN").announced()).isFalse();
        assertThat(outcomes.stream().filter(Outcome::announced)).hasSize(19);
    }

    @Test
    void recommendationCombinesPrimaryToolsWithTheRoleSharingTable() {
        RoleSharingTable founding = RoleSharingTableTest.founding();
        Recommendation category3 = ReferenceData.recommendation(Category.CATEGORY_3, founding);
        assertThat(category3.objective()).isEqualTo("Strengthen enforcement");
        assertThat(category3.tools()).containsExactly(
                new RecommendedTool(Tool.OFFICER_TRAINING, false, List.of("US", "AU")),
                new RecommendedTool(Tool.INDUSTRY_OUTREACH_SEMINAR, false, List.of("JP")),
                new RecommendedTool(Tool.LEGAL_ASSISTANCE, true, List.of("US", "AU")),
                new RecommendedTool(Tool.MULTILATERAL_SEMINAR, false, List.of("JP")));
        Recommendation category1 = ReferenceData.recommendation(Category.CATEGORY_1, founding);
        assertThat(category1.tools()).as("leads in the partners document's order").containsExactly(
                new RecommendedTool(Tool.BILATERAL_CONSULTATION, false, List.of("JP", "US", "AU")),
                new RecommendedTool(Tool.INDUSTRY_OUTREACH_SEMINAR, true, List.of("JP")),
                new RecommendedTool(Tool.MULTILATERAL_SEMINAR, false, List.of("JP")));
    }
}
