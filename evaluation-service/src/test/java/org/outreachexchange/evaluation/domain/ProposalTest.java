package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalTest {

    static final Set<String> PARTNERS = Set.of("JP", "US", "AU");
    static final UUID ACTIVITY = UUID.randomUUID();

    static Proposal findings(List<String> audience) {
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.kind = ProposalKind.FINDINGS;
        p.proposedBy = "JP";
        p.proposedAt = Instant.parse("2010-05-21T00:00:00Z");
        p.rationale = "Officials of the secret unit attended";
        p.countries = List.of("MY", "VN");
        p.activityId = ACTIVITY;
        p.activityType = Tool.MULTILATERAL_SEMINAR;
        p.activityTitle = "Closed seminar in Hanoi";
        p.activityCompletedOn = LocalDate.of(2010, 5, 20);
        p.audience = audience;
        p.changes = Map.of(
                "VN", Mutation.ofElements(Map.of(Element.INTENTION, new ElementEvidence(Sufficiency.SUFFICIENT,
                        "A control list was privately confirmed", "Activity " + ACTIVITY, LocalDate.of(2010, 5, 20), ACTIVITY, p.id, audience))),
                "MY", Mutation.ofElements(Map.of(Element.LAWS_REGULATIONS, new ElementEvidence(Sufficiency.SUFFICIENT,
                        "The act is in force", "Activity " + ACTIVITY, LocalDate.of(2010, 5, 20), ACTIVITY, p.id, audience))));
        p.status = ProposalStatus.OPEN;
        p.responses = new ArrayList<>();
        return p;
    }

    static void concur(Proposal p, String government) {
        p.responses.add(new ProposalResponse(government, "AGENCY", ProposalResponse.Kind.CONCURRENCE, null, Instant.EPOCH));
    }

    @Test
    void aRestrictedFindingsProposalsSummaryAndReasonNameNoTitleIdTypeDateOrEvidence() {
        Proposal p = findings(List.of("JP", "US"));
        concur(p, "US");
        concur(p, "AU");
        assertThat(p.summary()).isEqualTo("Findings of a completed JP activity on MY: LAWS_REGULATIONS SUFFICIENT; VN: INTENTION SUFFICIENT");
        assertThat(p.adoptionReason()).isEqualTo("Findings of a completed JP activity not shared with all partners (proposal "
                + p.id + ") adopted with the concurrence of US, AU");
        for (String text : List.of(p.summary(), p.adoptionReason())) {
            assertThat(text).doesNotContain("Hanoi").doesNotContain(ACTIVITY.toString()).doesNotContain("MULTILATERAL")
                    .doesNotContain("2010").doesNotContain("privately").doesNotContain("secret");
        }
        assertThat(p.visibleTo("US")).isTrue();
        assertThat(p.visibleTo("AU")).isFalse();
    }

    @Test
    void findingsOfAnActivitySharedWithAllPartnersMayNameItsTitle() {
        Proposal p = findings(null);
        concur(p, "US");
        assertThat(p.summary()).isEqualTo("Findings of completed JP activity \"Closed seminar in Hanoi\" on MY: LAWS_REGULATIONS"
                + " SUFFICIENT; VN: INTENTION SUFFICIENT");
        assertThat(p.adoptionReason()).contains("\"Closed seminar in Hanoi\" (" + ACTIVITY + ") by JP on 2010-05-20");
        assertThat(p.visibleTo("AU")).isTrue();
    }

    @Test
    void theProposerAnswersNothingAndTheOthersAreAwaitedUntilTheyAnswer() {
        Proposal p = findings(null);
        assertThat(p.others(PARTNERS)).containsExactly("AU", "US");
        assertThat(p.awaiting(PARTNERS)).containsExactly("AU", "US");
        assertThat(p.awaits("JP")).isFalse();
        assertThat(p.awaits("US")).isTrue();
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, PARTNERS)).isFalse();

        concur(p, "US");
        assertThat(p.awaiting(PARTNERS)).containsExactly("AU");
        assertThat(p.awaits("US")).isFalse();
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, PARTNERS)).isFalse();
        concur(p, "AU");
        assertThat(p.adoptable(AdoptionRule.UNANIMITY, PARTNERS)).isTrue();

        p.status = ProposalStatus.ADOPTED;
        assertThat(p.awaiting(PARTNERS)).isEmpty();
        assertThat(p.awaits("AU")).isFalse();
    }

    @Test
    void aCriteriaProposalSummarisesItsWeightsAndThreshold() {
        Proposal p = new Proposal();
        p.kind = ProposalKind.CRITERIA;
        p.proposedBy = "AU";
        p.weights = Map.of(Factor.TECHNOLOGY_LEVEL, new BigDecimal("0.25"), Factor.TRADE_VOLUME, new BigDecimal("0.25"),
                Factor.GEOGRAPHIC_LOCATION, new BigDecimal("0.20"), Factor.TIES_TO_COUNTRIES_OF_CONCERN, new BigDecimal("0.30"));
        p.highThreshold = new BigDecimal("0.6400");
        assertThat(p.summary()).isEqualTo("Criteria proposed by AU: weights TECHNOLOGY_LEVEL 0.25, TRADE_VOLUME 0.25,"
                + " GEOGRAPHIC_LOCATION 0.2, TIES_TO_COUNTRIES_OF_CONCERN 0.3; High from 0.64");
        assertThat(p.criteria(2)).isEqualTo(new Criteria(2, p.weights, p.highThreshold));
    }
}
