package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.EvaluationJson.Evaluation;

import java.util.List;

/** The evaluation board: every evaluated economy as the API lists it, with the filters the officer chose. */
public record BoardView(List<Row> rows, String sort, String category, String riskBand) {

    /** One economy; {@code category} is the category's number, as the board shows it. */
    public record Row(String country, String countryName, String category, String categoryKey, String riskBand,
                      String riskBandKey, String riskScore, int priority) {

        static Row of(Evaluation e) {
            return new Row(e.country(), e.countryName(), Labels.categoryNumber(e.category()), Labels.key("category", e.category()),
                    e.riskBand(), Labels.key("risk", e.riskBand()), Labels.decimal(e.riskScore()), e.priority());
        }
    }

    static BoardView of(List<Evaluation> evaluations, String sort, String category, String riskBand) {
        return new BoardView(evaluations.stream().map(Row::of).toList(), sort, category == null ? "" : category,
                riskBand == null ? "" : riskBand);
    }

    public List<Labels.Option> categories() {
        return Labels.options("category", List.of("CATEGORY_1", "CATEGORY_2", "CATEGORY_3", "CATEGORY_4", "BEYOND_CATEGORIES"));
    }

    public List<Labels.Option> riskBands() {
        return Labels.options("risk", List.of("HIGH", "LOW"));
    }
}
