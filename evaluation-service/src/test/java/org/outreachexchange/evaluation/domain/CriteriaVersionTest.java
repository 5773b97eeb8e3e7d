package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteriaVersionTest {

    static final Instant OPENED = Instant.parse("2010-05-21T00:00:00Z");
    static final Instant DECIDED = Instant.parse("2010-05-24T09:00:00Z");
    static final Map<Factor, BigDecimal> WEIGHTS = Map.of(Factor.TECHNOLOGY_LEVEL, new BigDecimal("0.25"),
            Factor.TRADE_VOLUME, new BigDecimal("0.25"), Factor.GEOGRAPHIC_LOCATION, new BigDecimal("0.20"),
            Factor.TIES_TO_COUNTRIES_OF_CONCERN, new BigDecimal("0.30"));

    static Proposal proposal() {
        return Proposal.openCriteria(UUID.randomUUID(), "AU", "DFAT", "Ties matter more", OPENED,
                new Criteria(0, WEIGHTS, new BigDecimal("0.64")));
    }

    @Test
    void theInitialVersionIsAdoptedByNoPartnerThroughNoProposal() {
        CriteriaVersion initial = CriteriaVersion.initial(AnnexI.defaultCriteria(), "Default criteria", OPENED);
        assertThat(initial.criteria()).isEqualTo(AnnexI.defaultCriteria());
        assertThat(initial.rationale).isEqualTo("Default criteria");
        assertThat(initial.adoptedAt).isEqualTo(OPENED);
        assertThat(initial.adoptedBy).isNull();
        assertThat(initial.proposalId).isNull();
    }

    @Test
    void anAdoptedCriteriaProposalBecomesAVersionAdoptedByItsProposerWhenDecided() {
        Proposal proposal = proposal();
        proposal.concur("JP", "METI", null, DECIDED);
        proposal.adopt(AnnexI.defaultCriteria(), DECIDED);

        CriteriaVersion version = CriteriaVersion.adoptedThrough(proposal);

        assertThat(version.criteria()).isEqualTo(new Criteria(AnnexI.defaultCriteria().version() + 1, WEIGHTS, new BigDecimal("0.64")));
        assertThat(version.rationale).isEqualTo("Ties matter more");
        assertThat(version.adoptedBy).isEqualTo("AU");
        assertThat(version.proposalId).isEqualTo(proposal.id);
        assertThat(version.adoptedAt).isEqualTo(DECIDED);
    }

    @Test
    void aCriteriaProposalNotAdoptedMakesNoVersion() {
        Proposal open = proposal();
        assertThatThrownBy(() -> CriteriaVersion.adoptedThrough(open)).isInstanceOf(IllegalArgumentException.class);
        Proposal dropped = proposal();
        dropped.object("JP", "METI", null, DECIDED);
        assertThatThrownBy(() -> CriteriaVersion.adoptedThrough(dropped)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdoptedAssessmentMakesNoVersion() {
        Proposal assessment = Proposal.openAssessment(UUID.randomUUID(), "AU", "DFAT", "Re-export licensing", OPENED, "HK",
                new Mutation(Map.of(), Map.of(Factor.TRADE_VOLUME, new BigDecimal("0.3"))));
        assessment.adopt(AnnexI.defaultCriteria(), DECIDED);
        assertThatThrownBy(() -> CriteriaVersion.adoptedThrough(assessment)).isInstanceOf(IllegalArgumentException.class);
    }
}
