package org.outreachexchange.evaluation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalResponse;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.domain.Sufficiency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The views redact a restricted activity's detail for a government not entitled to it, and only for it. */
class RedactionTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID ACTIVITY = UUID.randomUUID();
    static final String TITLE = "Closed seminar in Hanoi";
    static final String EVIDENCE = "A control list was privately confirmed";

    static Proposal restrictedFindings() {
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.kind = ProposalKind.FINDINGS;
        p.proposedBy = "JP";
        p.proposedAt = Instant.parse("2010-05-21T00:00:00Z");
        p.rationale = "Held with the ministry's secret unit";
        p.countries = List.of("VN");
        p.activityId = ACTIVITY;
        p.activityType = "MULTILATERAL_SEMINAR";
        p.activityTitle = TITLE;
        p.activityCompletedOn = LocalDate.of(2010, 5, 20);
        p.audience = List.of("JP", "US");
        p.changes = Map.of("VN", Mutation.ofElements(Map.of(Element.INTENTION, new ElementEvidence(Sufficiency.SUFFICIENT,
                EVIDENCE, "Activity " + ACTIVITY + " (MULTILATERAL_SEMINAR) organized by JP, completed 2010-05-20",
                LocalDate.of(2010, 5, 20), ACTIVITY, p.id, p.audience))));
        p.status = ProposalStatus.OPEN;
        p.responses = new ArrayList<>(List.of(
                new ProposalResponse("US", "DOC", ProposalResponse.Kind.CONCURRENCE, "Our embassy attended " + TITLE, Instant.EPOCH),
                new ProposalResponse("AU", "DFAT", ProposalResponse.Kind.CONCURRENCE, "Concur", Instant.EPOCH)));
        return p;
    }

    @Test
    void aGovernmentNotEntitledSeesTheProposalsCountriesElementsAndAssessmentsButNoDetail() throws Exception {
        Proposal p = restrictedFindings();
        ProposalView view = ProposalView.of(p, "AU", List.of());

        assertThat(view.redacted()).isTrue();
        assertThat(view.restricted()).isTrue();
        assertThat(view.activity()).isNull();
        assertThat(view.rationale()).isNull();
        assertThat(view.countries()).containsExactly("VN");
        EvidenceView intention = view.changes().get("VN").elements().get(Element.INTENTION);
        assertThat(intention.assessment()).isEqualTo(Sufficiency.SUFFICIENT);
        assertThat(intention.evidence()).isNull();
        assertThat(intention.proposalId()).isEqualTo(p.id);
        assertThat(view.responses()).extracting(ProposalView.Response::comment).containsExactly(null, "Concur");
        String json = JSON.writeValueAsString(view);
        assertThat(json).doesNotContain(ACTIVITY.toString()).doesNotContain("Hanoi").doesNotContain("privately")
                .doesNotContain("secret").doesNotContain("MULTILATERAL_SEMINAR").doesNotContain("2010-05-20");
    }

    @Test
    void theOrganizerAndTheNamedPartnersSeeItInFull() {
        Proposal p = restrictedFindings();
        for (String entitled : List.of("JP", "US")) {
            ProposalView view = ProposalView.of(p, entitled, List.of());
            assertThat(view.redacted()).isFalse();
            assertThat(view.activity()).isEqualTo(new ProposalView.Activity(ACTIVITY, "MULTILATERAL_SEMINAR", TITLE,
                    LocalDate.of(2010, 5, 20)));
            assertThat(view.rationale()).isEqualTo("Held with the ministry's secret unit");
            assertThat(view.changes().get("VN").elements().get(Element.INTENTION).evidence()).isEqualTo(EVIDENCE);
            assertThat(view.responses()).extracting(ProposalView.Response::comment).containsExactly("Our embassy attended " + TITLE, "Concur");
        }
    }

    @Test
    void restrictedEvidenceInAnEvaluationIsRedactedForAGovernmentNotEntitled() throws Exception {
        Proposal p = restrictedFindings();
        ElementEvidence evidence = p.changes.get("VN").elements().get(Element.INTENTION);
        EvidenceView australia = EvidenceView.of(evidence, "AU");
        assertThat(australia).isEqualTo(new EvidenceView(Sufficiency.SUFFICIENT, null, ElementEvidence.WITHHELD_SOURCE, null,
                null, p.id, true, true, List.of("JP", "US")));
        assertThat(JSON.writeValueAsString(australia)).contains("\"redacted\":true").contains("\"restricted\":true");
        EvidenceView us = EvidenceView.of(evidence, "US");
        assertThat(us.evidence()).isEqualTo(EVIDENCE);
        assertThat(us.activityId()).isEqualTo(ACTIVITY);
        assertThat(us.redacted()).isFalse();
        assertThat(us.restricted()).isTrue();
    }
}
