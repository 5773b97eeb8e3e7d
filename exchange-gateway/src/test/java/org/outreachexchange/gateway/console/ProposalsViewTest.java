package org.outreachexchange.gateway.console;

import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.gateway.console.EvaluationJson.Change;
import org.outreachexchange.gateway.console.EvaluationJson.Criteria;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaChange;
import org.outreachexchange.gateway.console.EvaluationJson.Evidence;
import org.outreachexchange.gateway.console.EvaluationJson.Proposal;
import org.outreachexchange.gateway.console.EvaluationJson.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ProposalsViewTest {

    private static final Criteria VERSION_1 = new Criteria(1, Map.of("TECHNOLOGY_LEVEL", new BigDecimal("0.25"),
            "TRADE_VOLUME", new BigDecimal("0.25"), "GEOGRAPHIC_LOCATION", new BigDecimal("0.20"),
            "TIES_TO_COUNTRIES_OF_CONCERN", new BigDecimal("0.30")), new BigDecimal("0.60"), null, null, null, null);

    static Proposal findings(String status, List<Response> responses, List<String> awaiting) {
        Evidence laws = new Evidence("SUFFICIENT", "Laws enacted", "activity", null, null, null, false, false, null);
        return new Proposal(UUID.randomUUID(), "FINDINGS", status, "Findings on MY", "JP", null, Instant.parse("2008-12-05T10:00:00Z"),
                null, List.of("MY"), "Seminar results", Map.of("MY", new Change(Map.of("LAWS_REGULATIONS", laws), Map.of())),
                null, null, false, false, null, responses, awaiting);
    }

    @Test
    void sortsProposalsIntoAwaitingAnsweredAndOwnWithTheGovernmentsAnswerAsTheButtonNamesIt() {
        Proposal awaiting = findings("OPEN", List.of(), List.of("US", "AU"));
        Proposal concurred = findings("OPEN", List.of(new Response("US", "DOC", "CONCURRENCE", "fine", Instant.now())), List.of("AU"));
        Proposal objectedAndDropped = findings("DROPPED", List.of(new Response("US", "DOC", "OBJECTION", null, Instant.now())), List.of());
        Proposal ownOpen = new Proposal(UUID.randomUUID(), "CRITERIA", "OPEN", "Criteria", "US", "DOC", Instant.now(), null,
                List.of(), "why", Map.of(), new CriteriaChange(Map.of("TECHNOLOGY_LEVEL", new BigDecimal("0.4")), new BigDecimal("0.6"), null),
                null, false, false, null, List.of(), List.of("JP", "AU"));
        Proposal othersDecided = findings("ADOPTED", List.of(), List.of());

        ProposalsView view = ProposalsView.of("US", true, List.of(awaiting),
                List.of(awaiting, concurred, objectedAndDropped, ownOpen, othersDecided), Optional.of(VERSION_1), Map.of(),
                ProposalsView.CriteriaForm.of(Map.of(), Optional.of(VERSION_1), null, null), Optional.empty(), null, null);

        assertThat(view.awaiting()).extracting(ProposalsView.Item::id).containsExactly(awaiting.id());
        assertThat(view.answered()).extracting(ProposalsView.Item::id, ProposalsView.Item::answer)
                .containsExactly(tuple(concurred.id(), "CONCUR"), tuple(objectedAndDropped.id(), "OBJECT"));
        assertThat(view.mine()).extracting(ProposalsView.Item::id).containsExactly(ownOpen.id());
        assertThat(view.awaiting().get(0).changes()).extracting(ProposalsView.ChangeRow::country,
                ProposalsView.ChangeRow::labelKey, ProposalsView.ChangeRow::valueKey)
                .containsExactly(tuple("MY", "element_LAWS_REGULATIONS", "assessment_SUFFICIENT"));
    }

    @Test
    void aCriteriaProposalIsShownBesideTheCriteriaInForceFactorByFactor() {
        List<ProposalsView.WeightRow> rows = ProposalsView.weights(Optional.of(VERSION_1),
                Map.of("TECHNOLOGY_LEVEL", new BigDecimal("0.25"), "TRADE_VOLUME", new BigDecimal("0.20"),
                        "GEOGRAPHIC_LOCATION", new BigDecimal("0.25"), "TIES_TO_COUNTRIES_OF_CONCERN", new BigDecimal("0.30")),
                new BigDecimal("0.65"));

        assertThat(rows).extracting(ProposalsView.WeightRow::labelKey, ProposalsView.WeightRow::inForce,
                ProposalsView.WeightRow::proposed, ProposalsView.WeightRow::changed).containsExactly(
                tuple("factor_TECHNOLOGY_LEVEL", "0.25", "0.25", false),
                tuple("factor_TRADE_VOLUME", "0.25", "0.2", true),
                tuple("factor_GEOGRAPHIC_LOCATION", "0.2", "0.25", true),
                tuple("factor_TIES_TO_COUNTRIES_OF_CONCERN", "0.3", "0.3", false),
                tuple("criteria_threshold", "0.6", "0.65", true));
    }

    @Test
    void theCriteriaFormKeepsWhatWasTypedAndPutsEachFieldErrorBesideItsWeight() {
        ProblemView problem = new ProblemView(400, "Bad Request", "", List.of(
                new FieldError("weights[TRADE_VOLUME]", "range", "must be at most 1"),
                new FieldError("weights.TECHNOLOGY_LEVEL", "type", "must be a number"),
                new FieldError("weights", "sum", "must sum to 1")));

        ProposalsView.CriteriaForm form = ProposalsView.CriteriaForm.of(
                Map.of("weight_TECHNOLOGY_LEVEL", "abc", "weight_TRADE_VOLUME", "2", "rationale", "Review 2009"),
                Optional.of(VERSION_1), null, problem);

        assertThat(form.weights()).extracting(ProposalsView.WeightInput::factor, ProposalsView.WeightInput::value,
                ProposalsView.WeightInput::error).containsExactly(
                tuple("TECHNOLOGY_LEVEL", "abc", "must be a number"),
                tuple("TRADE_VOLUME", "2", "must be at most 1"),
                tuple("GEOGRAPHIC_LOCATION", "0.2", ""),
                tuple("TIES_TO_COUNTRIES_OF_CONCERN", "0.3", ""));
        assertThat(form.hasError("weights")).isTrue();
        assertThat(form.error("weights")).isEqualTo("must sum to 1");
        assertThat(form.rationale()).isEqualTo("Review 2009");
        assertThat(form.highThreshold()).isEqualTo("0.6");
    }

    @Test
    void aCriteriaRequestCarriesNumbersAsNumbersAndAnythingElseAsTypedForTheApiToName() {
        EvaluationJson.CriteriaRequest request = ProposalPageResource.criteriaRequest(Map.of(
                "weight_TECHNOLOGY_LEVEL", " 0.4 ", "weight_TRADE_VOLUME", "lots", "weight_GEOGRAPHIC_LOCATION", "",
                "highThreshold", "0.6", "rationale", "why"));

        assertThat(request.weights()).containsEntry("TECHNOLOGY_LEVEL", new BigDecimal("0.4"))
                .containsEntry("TRADE_VOLUME", "lots").doesNotContainKey("GEOGRAPHIC_LOCATION");
        assertThat(request.highThreshold()).isEqualTo(new BigDecimal("0.6"));
    }
}
