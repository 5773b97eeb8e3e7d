package org.outreachexchange.evaluation.messaging;

import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.Change;
import org.outreachexchange.evaluation.domain.CountryState;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Origin;
import org.outreachexchange.evaluation.domain.Recommendation;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.domain.Sufficiency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The data of an {@code outreach.country.reevaluated} event (schemas/country-reevaluated.schema.json). */
public record CountryReevaluated(String country, String countryName, int evaluationVersion, String reason, Origin origin,
                                 State before, State after, List<Change> changes, Recommendation recommendation,
                                 Instant occurredAt) {

    public static final String TYPE = "outreach.country.reevaluated";
    public static final String SOURCE = "/outreach/evaluation";

    /** What partners need of an evaluation's state: the category, its elements, the risk and the priority. */
    public record State(Category category, Map<Element, Sufficiency> elements, BigDecimal riskScore, RiskBand riskBand,
                        int priority) {

        public static State of(CountryState state) {
            return state == null ? null : new State(state.category(), state.assessments(), state.riskScore(),
                    state.riskBand(), state.priority());
        }
    }
}
