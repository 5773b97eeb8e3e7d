package org.outreachexchange.evaluation.service;

import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.Change;
import org.outreachexchange.evaluation.domain.Criteria;
import org.outreachexchange.evaluation.domain.RiskBand;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** What adopting a criteria version would change, country by country; computing it changes nothing. */
public record CriteriaPreview(int currentVersion, Criteria proposed, List<CountryChange> changes) {

    public record CountryChange(String country, String countryName, Set<Change> changes, Category category,
                                RiskBand riskBandBefore, RiskBand riskBandAfter, BigDecimal riskScoreBefore,
                                BigDecimal riskScoreAfter, int priorityBefore, int priorityAfter, String why) {
    }
}
