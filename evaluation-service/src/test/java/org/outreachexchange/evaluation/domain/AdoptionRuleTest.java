package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptionRuleTest {

    static final Set<String> US_AND_AU = Set.of("US", "AU");

    @Test
    void unanimityNeedsEveryOtherPartnersConcurrence() {
        assertThat(AdoptionRule.UNANIMITY.isMet(US_AND_AU, List.of())).isFalse();
        assertThat(AdoptionRule.UNANIMITY.isMet(US_AND_AU, List.of("US"))).isFalse();
        assertThat(AdoptionRule.UNANIMITY.isMet(US_AND_AU, List.of("US", "AU"))).isTrue();
    }

    @Test
    void majorityNeedsMoreThanHalfOfTheOtherPartners() {
        Set<String> four = Set.of("US", "AU", "NZ", "KR");
        assertThat(AdoptionRule.MAJORITY.isMet(four, List.of("US", "AU"))).isFalse();
        assertThat(AdoptionRule.MAJORITY.isMet(four, List.of("US", "AU", "KR"))).isTrue();
        assertThat(AdoptionRule.MAJORITY.isMet(US_AND_AU, List.of("US"))).isFalse();
        assertThat(AdoptionRule.MAJORITY.isMet(Set.of("US", "AU", "NZ"), List.of("US", "NZ"))).isTrue();
    }

    @Test
    void onlyTheOtherPartnersConcurrencesCountAndEachOnlyOnce() {
        assertThat(AdoptionRule.UNANIMITY.isMet(US_AND_AU, List.of("US", "US"))).isFalse();
        assertThat(AdoptionRule.UNANIMITY.isMet(US_AND_AU, List.of("US", "JP", "XX"))).isFalse();
        assertThat(AdoptionRule.MAJORITY.isMet(Set.of("US", "AU", "NZ"), List.of("US", "JP"))).isFalse();
    }

    @Test
    void withNoOtherPartnerThereIsNobodyToWaitFor() {
        assertThat(AdoptionRule.UNANIMITY.isMet(Set.of(), List.of())).isTrue();
        assertThat(AdoptionRule.MAJORITY.isMet(Set.of(), List.of())).isTrue();
    }

    @Test
    void awaitingListsTheOtherPartnersNotYetAnsweredInCodeOrder() {
        assertThat(AdoptionRule.awaiting(Set.of("US", "AU", "NZ"), List.of("NZ"))).containsExactly("AU", "US");
        assertThat(AdoptionRule.awaiting(US_AND_AU, List.of("US", "AU"))).isEmpty();
    }
}
