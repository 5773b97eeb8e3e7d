package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachexchange.evaluation.domain.ProposalTest.OPENED;
import static org.outreachexchange.evaluation.domain.ProposalTest.concur;

/** Who answers a proposal: the partners it was put before, never one it is about. */
class GovernanceTest {

    static final Set<String> FOUNDERS = Set.of("JP", "US", "AU");
    static final Set<String> WITH_KOREA = Set.of("JP", "US", "AU", "KR");

    static Proposal assessmentOf(String country, String by) {
        return Proposal.openAssessment(UUID.randomUUID(), by, "AGENCY", "Licensing strengthened", OPENED, country,
                new Mutation(Map.of(), Map.of(Factor.TRADE_VOLUME, new BigDecimal("0.3"))));
    }

    @Test
    void aPartnerThatJoinsAfterAProposalWasOpenedNeitherAnswersItNorIsAwaited() {
        Proposal p = assessmentOf("HK", "AU");
        p.openTo(FOUNDERS);

        assertThat(p.awaiting(WITH_KOREA)).containsExactly("JP", "US");
        assertThat(p.awaits("KR")).isFalse();
        assertThatThrownBy(() -> p.object("KR", "KTC", "veto", OPENED))
                .isInstanceOf(AnswerRefusedException.class).hasMessageContaining("KR was not a partner when proposal")
                .extracting(e -> ((AnswerRefusedException) e).reason()).isEqualTo(AnswerRefusedException.Reason.NOT_IN_ELECTORATE);
        assertThat(p.status).isEqualTo(ProposalStatus.OPEN);
        concur(p, "JP");
        concur(p, "US");
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, WITH_KOREA)).as("the founders' unanimity adopts it").isTrue();
    }

    @Test
    void aPartnerThatJoinedBeforeAProposalWasOpenedAnswersItAndIsCounted() {
        Proposal p = assessmentOf("HK", "AU");
        p.openTo(WITH_KOREA);

        assertThat(p.awaiting(WITH_KOREA)).containsExactly("JP", "KR", "US");
        concur(p, "JP");
        concur(p, "US");
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, WITH_KOREA)).isFalse();
        concur(p, "KR");
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, WITH_KOREA)).isTrue();
    }

    @Test
    void aPartnerThatLeftNoLongerHoldsUpAProposalPutBeforeIt() {
        Proposal p = assessmentOf("HK", "AU");
        p.openTo(WITH_KOREA);
        concur(p, "JP");
        concur(p, "US");
        assertThat(p.awaiting(FOUNDERS)).isEmpty();
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, FOUNDERS)).isTrue();
    }

    @Test
    void aPartnerThatIsAnEvaluatedEconomyDoesNotAnswerProposalsAboutItselfAndIsNotCounted() {
        Proposal p = assessmentOf("KR", "JP");
        p.openTo(WITH_KOREA);

        assertThat(p.concerns("KR")).isTrue();
        assertThat(p.awaiting(WITH_KOREA)).containsExactly("AU", "US");
        assertThat(p.awaits("KR")).isFalse();
        assertThatThrownBy(() -> concur(p, "KR")).isInstanceOf(AnswerRefusedException.class)
                .hasMessageContaining("KR's own evaluation")
                .extracting(e -> ((AnswerRefusedException) e).reason()).isEqualTo(AnswerRefusedException.Reason.CONFLICT_OF_INTEREST);
        assertThat(p.responses).isEmpty();
        concur(p, "AU");
        concur(p, "US");
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, WITH_KOREA)).isTrue();
    }

    @Test
    void findingsThatNameTheEconomyAmongOthersAreStillNotItsToAnswer() {
        Proposal p = Proposal.openFindings(UUID.randomUUID(), "JP", "Seminar held", OPENED,
                new CompletedActivity(UUID.randomUUID(), "MULTILATERAL_SEMINAR", "Seminar", null, Audience.ALL_PARTNERS),
                Map.of("KR", Map.of(), "SG", Map.of()));
        p.openTo(WITH_KOREA);
        assertThat(p.awaiting(WITH_KOREA)).containsExactly("AU", "US");
    }

    @Test
    void criteriaConcernNoEconomyInParticularSoEveryPartnerAnswersThem() {
        Proposal p = ProposalTest.criteria();
        p.openTo(WITH_KOREA);
        assertThat(p.concerns("KR")).isFalse();
        assertThat(p.awaiting(WITH_KOREA)).containsExactly("JP", "KR", "US");
    }

    @Test
    void aProposalOpenedBeforeElectoratesWereRecordedIsAnsweredByTheCurrentPartners() {
        Proposal p = assessmentOf("HK", "AU");
        assertThat(p.electorate).isNull();
        assertThat(p.awaiting(WITH_KOREA)).containsExactly("JP", "KR", "US");
        assertThat(p.awaits("KR")).isTrue();
        assertThat(List.copyOf(p.others(FOUNDERS))).containsExactly("JP", "US");
    }
}
