package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.EvaluationJson.CountryChange;
import org.outreachexchange.gateway.console.EvaluationJson.Criteria;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaPreview;
import org.outreachexchange.gateway.console.EvaluationJson.Evidence;
import org.outreachexchange.gateway.console.EvaluationJson.Proposal;
import org.outreachexchange.gateway.console.EvaluationJson.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The proposals inbox: what awaits the officer's government's answer, what it answered, what it proposed and awaits
 * the others; each with what it would change (a CRITERIA proposal as a preview table), and the criteria form.
 */
public record ProposalsView(List<Item> awaiting, List<Item> answered, List<Item> mine, boolean mayDecide,
                            CriteriaForm criteria) {

    /** One proposal; {@code answer} is the officer's government's (CONCUR or OBJECT), {@code problem} its form's. */
    public record Item(UUID id, String kind, String kindKey, String status, String statusKey, String summary,
                       String proposedBy, String proposedByAgency, Instant proposedAt, List<String> countries,
                       String rationale, boolean restricted, boolean redacted, String activityTitle, String activityType,
                       String completedOn, List<ChangeRow> changes, List<WeightRow> weights, List<PreviewRow> preview,
                       List<ResponseRow> responses, List<String> waitingFor, String answer, String comment,
                       ProblemView problem) {

        public String countryList() {
            return String.join(", ", countries);
        }

        public String waitingList() {
            return String.join(", ", waitingFor);
        }

        public String anchor() {
            return "proposal-" + id;
        }

        public String previewId() {
            return anchor() + "-preview";
        }
    }

    /** One element or factor a proposal would set for one country. */
    public record ChangeRow(String country, String labelKey, String valueKey, String value, String evidence,
                            boolean redacted) {
    }

    /** A factor's weight in force and as proposed; the last row is the High threshold. */
    public record WeightRow(String labelKey, String inForce, String proposed, boolean changed) {
    }

    /** A country a criteria version would change: band, score and priority before and after, and why. */
    public record PreviewRow(String country, String countryName, String changes, String bandBeforeKey, String bandAfterKey,
                             String scoreBefore, String scoreAfter, int priorityBefore, int priorityAfter, String why) {
        static PreviewRow of(CountryChange c) {
            return new PreviewRow(c.country(), c.countryName(), c.changes() == null ? "" : String.join(", ", c.changes()),
                    Labels.key("risk", c.riskBandBefore()), Labels.key("risk", c.riskBandAfter()),
                    Labels.decimal(c.riskScoreBefore()), Labels.decimal(c.riskScoreAfter()), c.priorityBefore(),
                    c.priorityAfter(), c.why());
        }
    }

    public record ResponseRow(String government, String agency, String kindKey, String comment, Instant at) {
    }

    /** The criteria form as typed, the preview it gave, and the API's problem with it. */
    public record CriteriaForm(List<WeightInput> weights, String highThreshold, String rationale, List<PreviewRow> preview,
                               boolean previewed, ProblemView problem, int inForceVersion) {

        public boolean hasError(String field) {
            return problem != null && problem.errors().stream().anyMatch(e -> field.equals(e.field()));
        }

        public String error(String field) {
            return problem == null ? "" : ProposalsView.messages(problem, field);
        }

        /**
         * The form with what was typed (or, at first, the criteria in force), the preview it gave and the problem
         * the API found with it.
         */
        static CriteriaForm of(Map<String, String> typed, Optional<Criteria> inForce, CriteriaPreview preview,
                               ProblemView problem) {
            List<WeightInput> weights = Labels.FACTORS.stream().map(factor -> new WeightInput(factor, Labels.key("factor", factor),
                    typed.getOrDefault(weightField(factor), inForce.map(c -> Labels.decimal(c.weights().get(factor))).orElse("")),
                    problem == null ? "" : messages(problem, "weights[" + factor + "]", "weights." + factor))).toList();
            return new CriteriaForm(weights,
                    typed.getOrDefault("highThreshold", inForce.map(c -> Labels.decimal(c.highThreshold())).orElse("")),
                    typed.getOrDefault("rationale", ""),
                    preview == null || preview.changes() == null ? List.of() : preview.changes().stream().map(PreviewRow::of).toList(),
                    preview != null, problem, inForce.map(Criteria::version).orElse(0));
        }
    }

    /** The form field of a factor's weight. */
    static String weightField(String factor) {
        return "weight_" + factor;
    }

    /** One weight field: {@code error} holds the API's messages for it, under either of the names it gives it. */
    public record WeightInput(String factor, String labelKey, String value, String error) {
        public String fieldId() {
            return "weight-" + factor;
        }
    }

    /**
     * @param awaitingMe the open proposals the API says await the government's answer
     * @param recent     open and recently decided proposals, to find those the government answered or made
     */
    static ProposalsView of(String government, boolean mayDecide, List<Proposal> awaitingMe, List<Proposal> recent,
                            Optional<Criteria> inForce, Map<UUID, CriteriaPreview> previews, CriteriaForm criteria,
                            Optional<UUID> failed, ProblemView problem, String typedComment) {
        Map<UUID, Proposal> others = new LinkedHashMap<>();
        recent.forEach(p -> others.putIfAbsent(p.id(), p));
        awaitingMe.forEach(p -> others.remove(p.id()));
        List<Item> answered = new ArrayList<>();
        List<Item> mine = new ArrayList<>();
        for (Proposal p : others.values()) {
            Optional<Response> own = responses(p).stream().filter(r -> government.equals(r.government())).findFirst();
            if (own.isPresent()) {
                answered.add(item(p, own.get().kind(), inForce, previews, null, null));
            } else if (government.equals(p.proposedBy()) && "OPEN".equals(p.status())) {
                mine.add(item(p, null, inForce, previews, null, null));
            }
        }
        List<Item> awaiting = awaitingMe.stream().map(p -> failed.filter(p.id()::equals).isPresent()
                ? item(p, null, inForce, previews, problem, typedComment)
                : item(p, null, inForce, previews, null, null)).toList();
        return new ProposalsView(awaiting, answered, mine, mayDecide, criteria);
    }

    static Item item(Proposal p, String responseKind, Optional<Criteria> inForce, Map<UUID, CriteriaPreview> previews,
                     ProblemView problem, String comment) {
        List<ChangeRow> changes = new ArrayList<>();
        if (p.changes() != null) {
            p.changes().forEach((country, change) -> {
                Map<String, Evidence> elements = change.elements() == null ? Map.of() : change.elements();
                Labels.ELEMENTS.stream().filter(elements::containsKey).forEach(element -> {
                    Evidence e = elements.get(element);
                    changes.add(new ChangeRow(country, Labels.key("element", element), Labels.key("assessment", e.assessment()),
                            e.assessment(), e.evidence(), e.redacted()));
                });
                Map<String, BigDecimal> factors = change.factors() == null ? Map.of() : change.factors();
                Labels.FACTORS.stream().filter(factors::containsKey).forEach(factor -> changes.add(new ChangeRow(country,
                        Labels.key("factor", factor), null, Labels.decimal(factors.get(factor)), null, false)));
            });
        }
        List<WeightRow> weights = p.criteria() == null ? List.of() : weights(inForce, p.criteria().weights(),
                p.criteria().highThreshold());
        CriteriaPreview preview = previews.get(p.id());
        return new Item(p.id(), p.kind(), Labels.key("kind", p.kind()), p.status(), Labels.key("status", p.status()),
                p.summary(), p.proposedBy(), p.proposedByAgency(), p.proposedAt(),
                p.countries() == null ? List.of() : p.countries(), p.rationale(), p.restricted(), p.redacted(),
                p.activity() == null ? null : p.activity().title(),
                p.activity() == null ? null : Labels.key("type", p.activity().type()),
                p.activity() == null || p.activity().completedOn() == null ? null : p.activity().completedOn().toString(),
                changes, weights,
                preview == null || preview.changes() == null ? List.of() : preview.changes().stream().map(PreviewRow::of).toList(),
                responses(p).stream().map(r -> new ResponseRow(r.government(), r.agency(), Labels.key("response", r.kind()),
                        r.comment(), r.at())).toList(),
                p.awaiting() == null ? List.of() : p.awaiting(), answerOf(responseKind), comment == null ? "" : comment,
                problem);
    }

    /** The proposed weights and threshold beside those in force. */
    static List<WeightRow> weights(Optional<Criteria> inForce, Map<String, BigDecimal> proposed, BigDecimal threshold) {
        List<WeightRow> rows = new ArrayList<>();
        for (String factor : Labels.FACTORS) {
            BigDecimal now = inForce.map(c -> c.weights().get(factor)).orElse(null);
            BigDecimal then = proposed == null ? null : proposed.get(factor);
            rows.add(new WeightRow(Labels.key("factor", factor), Labels.decimal(now), Labels.decimal(then), !same(now, then)));
        }
        BigDecimal nowThreshold = inForce.map(Criteria::highThreshold).orElse(null);
        rows.add(new WeightRow("criteria_threshold", Labels.decimal(nowThreshold), Labels.decimal(threshold),
                !same(nowThreshold, threshold)));
        return rows;
    }

    /** The API's answer kinds as the form's buttons name them. */
    static String answerOf(String responseKind) {
        if (responseKind == null) {
            return "";
        }
        return switch (responseKind) {
            case "CONCURRENCE" -> "CONCUR";
            case "OBJECTION" -> "OBJECT";
            default -> responseKind;
        };
    }

    static String messages(ProblemView problem, String... fields) {
        return String.join("; ", problem.errors().stream()
                .filter(e -> java.util.Arrays.asList(fields).contains(e.field())).map(e -> e.message()).toList());
    }

    private static List<Response> responses(Proposal p) {
        return p.responses() == null ? List.of() : p.responses();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
