package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.EvaluationJson.Evaluation;
import org.outreachexchange.gateway.console.EvaluationJson.Evidence;
import org.outreachexchange.gateway.console.EvaluationJson.History;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A country page: the four elements with their evidence, the risk factors, what is recommended and who leads it, the
 * open proposals about it and its history as a timeline; now, or as of the end of a chosen day ({@code at}).
 */
public record CountryView(String country, String countryName, String category, String categoryKey, String riskBand,
                          String riskBandKey, String riskScore, int priority, int criteriaVersion, LocalDate effectiveOn,
                          List<ElementRow> elements, List<FactorRow> factors, String objective, List<ToolRow> tools,
                          List<Proposed> proposed, List<Moment> history, String at) {

    public record ElementRow(String element, String elementKey, String assessment, String assessmentKey, String evidence,
                             String source, LocalDate asOf, boolean restricted, boolean redacted, UUID proposalId) {
    }

    public record FactorRow(String factor, String factorKey, String score) {
    }

    /** A recommended tool, the partners that lead it in the country's category, and whether it is "if necessary". */
    public record ToolRow(String tool, String toolKey, boolean ifNecessary, List<String> leads) {
        public String leadList() {
            return String.join(", ", leads);
        }
    }

    public record Proposed(UUID proposalId, String kind, String kindKey, String proposedBy, boolean redacted) {
    }

    /** One change in the timeline; {@code day} opens the page as of that day. */
    public record Moment(int version, LocalDate day, String reason, String originKey, String government,
                         List<String> changes, String category, String riskBandKey, int priority) {
        public String changeList() {
            return String.join(", ", changes);
        }
    }

    static CountryView of(Evaluation e, List<History> history, LocalDate at) {
        Map<String, Evidence> elements = e.elements() == null ? Map.of() : e.elements();
        List<ElementRow> rows = Labels.ELEMENTS.stream().filter(elements::containsKey).map(name -> {
            Evidence ev = elements.get(name);
            return new ElementRow(name, Labels.key("element", name), ev.assessment(), Labels.key("assessment", ev.assessment()),
                    ev.evidence(), ev.source(), ev.asOf(), ev.restricted(), ev.redacted(), ev.proposalId());
        }).toList();
        List<FactorRow> factors = Labels.FACTORS.stream().filter(f -> e.factors() != null && e.factors().containsKey(f))
                .map(f -> new FactorRow(f, Labels.key("factor", f), Labels.decimal(e.factors().get(f)))).toList();
        List<ToolRow> tools = e.recommendation() == null || e.recommendation().tools() == null ? List.of()
                : e.recommendation().tools().stream().map(t -> new ToolRow(t.tool(), Labels.key("tool", t.tool()),
                t.ifNecessary(), t.leads() == null ? List.of() : t.leads())).toList();
        List<Proposed> proposed = e.proposed() == null ? List.of() : e.proposed().stream()
                .map(p -> new Proposed(p.proposalId(), p.kind(), Labels.key("kind", p.kind()), p.proposedBy(), p.redacted()))
                .toList();
        List<Moment> moments = history.stream().map(h -> new Moment(h.evaluationVersion(), day(h), h.reason(),
                Labels.key("origin", h.origin() == null ? null : h.origin().kind()),
                h.origin() == null ? null : h.origin().government(), h.changes() == null ? List.of() : h.changes(),
                h.evaluation() == null ? null : Labels.categoryNumber(h.evaluation().category()),
                Labels.key("risk", h.evaluation() == null ? null : h.evaluation().riskBand()),
                h.evaluation() == null ? 0 : h.evaluation().priority())).toList();
        return new CountryView(e.country(), e.countryName(), Labels.categoryNumber(e.category()),
                Labels.key("category", e.category()), e.riskBand(), Labels.key("risk", e.riskBand()),
                Labels.decimal(e.riskScore()), e.priority(), e.criteriaVersion(),
                e.effectiveAt() == null ? null : LocalDate.ofInstant(e.effectiveAt(), ZoneOffset.UTC), rows, factors,
                e.recommendation() == null ? null : e.recommendation().objective(), tools, proposed, moments,
                at == null ? "" : at.toString());
    }

    private static LocalDate day(History h) {
        return LocalDate.ofInstant(Objects.requireNonNull(h.effectiveAt()), ZoneOffset.UTC);
    }

    public boolean asOf() {
        return !at.isEmpty();
    }
}
