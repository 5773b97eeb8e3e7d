package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalTest {

    static final Set<String> PARTNERS = Set.of("JP", "US", "AU");
    static final UUID ACTIVITY = UUID.randomUUID();
    static final Instant OPENED = Instant.parse("2010-05-21T00:00:00Z");
    static final Instant ANSWERED = Instant.parse("2010-05-24T09:00:00Z");
    static final Map<Factor, BigDecimal> WEIGHTS = Map.of(Factor.TECHNOLOGY_LEVEL, new BigDecimal("0.25"),
            Factor.TRADE_VOLUME, new BigDecimal("0.25"), Factor.GEOGRAPHIC_LOCATION, new BigDecimal("0.20"),
            Factor.TIES_TO_COUNTRIES_OF_CONCERN, new BigDecimal("0.30"));

    static Proposal findings(Audience audience) {
        UUID id = UUID.randomUUID();
        LocalDate completedOn = LocalDate.of(2010, 5, 20);
        return Proposal.openFindings(id, "JP", "Officials of the secret unit attended", OPENED,
                new CompletedActivity(ACTIVITY, "MULTILATERAL_SEMINAR", "Closed seminar in Hanoi", completedOn, audience),
                Map.of("VN", Map.of(Element.INTENTION, new ElementEvidence(Sufficiency.SUFFICIENT,
                                "A control list was privately confirmed", "Activity " + ACTIVITY, completedOn, ACTIVITY, id,
                                audience.restrictedTo())),
                        "MY", Map.of(Element.LAWS_REGULATIONS, new ElementEvidence(Sufficiency.SUFFICIENT,
                                "The act is in force", "Activity " + ACTIVITY, completedOn, ACTIVITY, id, audience.restrictedTo()))));
    }

    static Proposal assessment() {
        return Proposal.openAssessment(UUID.randomUUID(), "AU", "DFAT", "Re-export licensing strengthened", OPENED, "HK",
                new Mutation(Map.of(), Map.of(Factor.TRADE_VOLUME, new BigDecimal("0.3"))));
    }

    static Proposal criteria() {
        return Proposal.openCriteria(UUID.randomUUID(), "AU", "DFAT", "Ties matter more", OPENED,
                new Criteria(0, WEIGHTS, new BigDecimal("0.6400")));
    }

    static Criteria inForce(int version) {
        return new Criteria(version, AnnexI.defaultCriteria().weights(), AnnexI.defaultCriteria().highThreshold());
    }

    static void concur(Proposal p, String government) {
        p.concur(government, "AGENCY", null, ANSWERED);
    }

    @Test
    void aRestrictedFindingsProposalsSummaryAndReasonNameNoTitleIdTypeDateOrEvidence() {
        Proposal p = findings(new Audience(List.of("JP", "US")));
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
        Proposal p = findings(Audience.ALL_PARTNERS);
        concur(p, "US");
        assertThat(p.summary()).isEqualTo("Findings of completed JP activity \"Closed seminar in Hanoi\" on MY: LAWS_REGULATIONS"
                + " SUFFICIENT; VN: INTENTION SUFFICIENT");
        assertThat(p.adoptionReason()).contains("\"Closed seminar in Hanoi\" (" + ACTIVITY + ") by JP on 2010-05-20");
        assertThat(p.visibleTo("AU")).isTrue();
    }

    @Test
    void aFindingsProposalIsOpenedByTheOrganizerWithoutAnAgencyForItsCountriesInCodeOrderAndKeptToTheActivitysAudience() {
        Proposal p = findings(new Audience(List.of("US", "JP")));
        assertThat(p.kind).isEqualTo(ProposalKind.FINDINGS);
        assertThat(p.status).isEqualTo(ProposalStatus.OPEN);
        assertThat(p.proposedBy).isEqualTo("JP");
        assertThat(p.proposedByAgency).isNull();
        assertThat(p.proposedAt).isEqualTo(OPENED);
        assertThat(p.countries).containsExactly("MY", "VN");
        assertThat(p.changes.keySet()).containsExactly("MY", "VN");
        assertThat(p.activityId).isEqualTo(ACTIVITY);
        assertThat(p.activityType).isEqualTo("MULTILATERAL_SEMINAR");
        assertThat(p.activityCompletedOn).isEqualTo(LocalDate.of(2010, 5, 20));
        assertThat(p.audience).containsExactly("JP", "US");
        assertThat(p.responses).isEmpty();
        assertThat(p.decidedAt).isNull();
    }

    @Test
    void findingsWithoutASummaryAreSaidToBeTheFindingsOfACompletedActivity() {
        CompletedActivity activity = new CompletedActivity(ACTIVITY, "BILATERAL_CONSULTATION", "Talks", null, Audience.ALL_PARTNERS);
        Map<String, Map<Element, ElementEvidence>> findings = Map.of("MY", Map.of(Element.INTENTION,
                new ElementEvidence(Sufficiency.SUFFICIENT, "Decree", "Activity " + ACTIVITY, null)));
        assertThat(Proposal.openFindings(UUID.randomUUID(), "JP", null, OPENED, activity, findings).rationale)
                .isEqualTo("Findings of a completed activity");
        assertThat(Proposal.openFindings(UUID.randomUUID(), "JP", " ", OPENED, activity, findings).rationale)
                .isEqualTo("Findings of a completed activity");
        assertThat(Proposal.openFindings(UUID.randomUUID(), "JP", "Sufficient", OPENED, activity, findings).rationale)
                .isEqualTo("Sufficient");
        assertThat(Proposal.openFindings(UUID.randomUUID(), "JP", null, OPENED, activity, findings).audience).isNull();
    }

    @Test
    void anAssessmentChangesTheOneCountryItNames() {
        Proposal p = assessment();
        assertThat(p.kind).isEqualTo(ProposalKind.ASSESSMENT);
        assertThat(p.status).isEqualTo(ProposalStatus.OPEN);
        assertThat(p.proposedByAgency).isEqualTo("DFAT");
        assertThat(p.countries).containsExactly("HK");
        assertThat(p.changes).containsOnlyKeys("HK");
        assertThat(p.summary()).isEqualTo("Assessment by AU of HK: TRADE_VOLUME 0.3");
    }

    @Test
    void theProposerAnswersNothingAndTheOthersAreAwaitedUntilTheyAnswer() {
        Proposal p = findings(Audience.ALL_PARTNERS);
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
        assertThat(p.status).as("a concurrence alone decides nothing").isEqualTo(ProposalStatus.OPEN);

        p.adopt(inForce(1), ANSWERED);
        assertThat(p.awaiting(PARTNERS)).isEmpty();
        assertThat(p.awaits("AU")).isFalse();
    }

    @Test
    void aConcurrenceIsRecordedWithItsGovernmentAgencyCommentAndTime() {
        Proposal p = assessment();
        p.concur("US", "DOC", "Agreed", ANSWERED);
        assertThat(p.responses).containsExactly(
                new ProposalResponse("US", "DOC", ProposalResponse.Kind.CONCURRENCE, "Agreed", ANSWERED));
        assertThat(p.concurring()).containsExactly("US");
    }

    @Test
    void theProposerCannotAnswerItsOwnProposal() {
        Proposal p = assessment();
        assertThatThrownBy(() -> p.concur("AU", "DFAT", null, ANSWERED))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.OWN_PROPOSAL))
                .hasMessage("AU made this proposal and cannot answer it");
        assertThatThrownBy(() -> p.object("AU", "DFAT", null, ANSWERED))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.OWN_PROPOSAL));
        assertThat(p.responses).isEmpty();
        assertThat(p.status).isEqualTo(ProposalStatus.OPEN);
    }

    @Test
    void aGovernmentAnswersAProposalOnlyOnce() {
        Proposal p = assessment();
        concur(p, "US");
        assertThatThrownBy(() -> concur(p, "US"))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.ALREADY_ANSWERED))
                .hasMessage("US has already answered proposal " + p.id);
        assertThatThrownBy(() -> p.object("US", "DOC", "Changed our mind", ANSWERED))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.ALREADY_ANSWERED));
        assertThat(p.responses).extracting(ProposalResponse::government).containsExactly("US");
        assertThat(p.status).isEqualTo(ProposalStatus.OPEN);
    }

    @Test
    void oneObjectionDropsTheProposalWhenItIsMade() {
        Proposal p = assessment();
        concur(p, "US");
        p.object("JP", "METI", "Not yet implemented", ANSWERED);
        assertThat(p.status).isEqualTo(ProposalStatus.DROPPED);
        assertThat(p.decidedAt).isEqualTo(ANSWERED);
        assertThat(p.responses).extracting(ProposalResponse::kind)
                .containsExactly(ProposalResponse.Kind.CONCURRENCE, ProposalResponse.Kind.OBJECTION);
        assertThat(p.concurring()).containsExactly("US");
        assertThat(p.awaiting(PARTNERS)).isEmpty();
    }

    @Test
    void aDecidedProposalTakesNoMoreAnswers() {
        Proposal dropped = assessment();
        dropped.object("JP", "METI", null, ANSWERED);
        assertThatThrownBy(() -> concur(dropped, "US"))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.DECIDED))
                .hasMessage("proposal " + dropped.id + " is DROPPED and takes no more answers");

        Proposal adopted = assessment();
        adopted.adopt(inForce(1), ANSWERED);
        assertThatThrownBy(() -> adopted.object("US", "DOC", null, ANSWERED))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.DECIDED))
                .hasMessage("proposal " + adopted.id + " is ADOPTED and takes no more answers");
        assertThat(adopted.responses).isEmpty();
        assertThat(adopted.status).isEqualTo(ProposalStatus.ADOPTED);
    }

    @Test
    void theProposerIsToldItsOwnProposalIsNotItsToAnswerEvenOnceDecided() {
        Proposal p = assessment();
        p.object("JP", "METI", null, ANSWERED);
        assertThatThrownBy(() -> p.concur("AU", "DFAT", null, ANSWERED))
                .isInstanceOfSatisfying(AnswerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerRefusedException.Reason.OWN_PROPOSAL));
    }

    @Test
    void anAnswerIsRecordedEvenWhenTheResponsesWereReadAsAListThatCannotChange() {
        Proposal p = assessment();
        p.responses = List.of(new ProposalResponse("US", "DOC", ProposalResponse.Kind.CONCURRENCE, null, OPENED));
        List<ProposalResponse> read = p.responses;
        concur(p, "JP");
        assertThat(p.responses).extracting(ProposalResponse::government).containsExactly("US", "JP");
        assertThat(read).hasSize(1);
    }

    @Test
    void anAdoptedAssessmentOrFindingsReevaluatesUnderTheCriteriaInForce() {
        for (Proposal p : List.of(assessment(), findings(Audience.ALL_PARTNERS))) {
            assertThat(p.adopt(inForce(3), ANSWERED)).isEqualTo(inForce(3));
            assertThat(p.status).isEqualTo(ProposalStatus.ADOPTED);
            assertThat(p.decidedAt).isEqualTo(ANSWERED);
            assertThat(p.adoptedCriteriaVersion).isNull();
        }
    }

    @Test
    void anAdoptedCriteriaProposalBecomesTheVersionAfterTheOneInForce() {
        Proposal p = criteria();
        concur(p, "JP");
        Criteria adopted = p.adopt(inForce(3), ANSWERED);
        assertThat(adopted).isEqualTo(new Criteria(4, WEIGHTS, new BigDecimal("0.6400")));
        assertThat(p.adoptedCriteriaVersion).isEqualTo(4);
        assertThat(p.status).isEqualTo(ProposalStatus.ADOPTED);
        assertThat(p.decidedAt).isEqualTo(ANSWERED);
        assertThat(p.adoptionReason()).isEqualTo("Criteria version 4 proposed by AU adopted with the concurrence of JP: Ties matter more");
    }

    @Test
    void aDecidedProposalCannotBeAdopted() {
        Proposal adopted = criteria();
        adopted.adopt(inForce(1), ANSWERED);
        assertThatThrownBy(() -> adopted.adopt(inForce(2), ANSWERED)).isInstanceOf(IllegalStateException.class);
        assertThat(adopted.adoptedCriteriaVersion).isEqualTo(2);

        Proposal dropped = assessment();
        dropped.object("US", "DOC", null, ANSWERED);
        assertThatThrownBy(() -> dropped.adopt(inForce(1), ANSWERED)).isInstanceOf(IllegalStateException.class);
        assertThat(dropped.status).isEqualTo(ProposalStatus.DROPPED);
    }

    @Test
    void anAdoptionIsRecordedAsComingFromTheProposalAndItsProposer() {
        Proposal assessment = assessment();
        Proposal criteria = criteria();
        Proposal findings = findings(Audience.ALL_PARTNERS);
        assertThat(assessment.origin()).isEqualTo(new Origin(OriginKind.PARTNER_ASSESSMENT, assessment.id.toString(), "AU"));
        assertThat(criteria.origin()).isEqualTo(new Origin(OriginKind.CRITERIA_REVIEW, criteria.id.toString(), "AU"));
        assertThat(findings.origin()).isEqualTo(new Origin(OriginKind.ACTIVITY_RESULTS, findings.id.toString(), "JP"));
    }

    @Test
    void aCriteriaProposalSummarisesItsWeightsAndThreshold() {
        Proposal p = criteria();
        assertThat(p.summary()).isEqualTo("Criteria proposed by AU: weights TECHNOLOGY_LEVEL 0.25, TRADE_VOLUME 0.25,"
                + " GEOGRAPHIC_LOCATION 0.2, TIES_TO_COUNTRIES_OF_CONCERN 0.3; High from 0.64");
        assertThat(p.criteria(2)).isEqualTo(new Criteria(2, WEIGHTS, new BigDecimal("0.6400")));
        assertThat(p.countries).isEmpty();
    }
}
