package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A recipient country's current evaluation. */
@Entity
@Table(name = "country_evaluation")
public class CountryEvaluation {

    @Id
    public String country;
    @Column(name = "country_name")
    public String countryName;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Element, ElementEvidence> elements;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Factor, BigDecimal> factors;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Column(name = "risk_score")
    public BigDecimal riskScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_band")
    public RiskBand riskBand;
    public int priority;
    @Column(name = "criteria_version")
    public int criteriaVersion;
    @Column(name = "evaluation_version")
    public int evaluationVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public CountryState state() {
        return new CountryState(country, countryName, elements, factors, category, riskScore, riskBand, priority, criteriaVersion);
    }

    public void apply(CountryState state, Instant at) {
        country = state.country();
        countryName = state.countryName();
        elements = state.elements();
        factors = state.factors();
        category = state.category();
        riskScore = state.riskScore();
        riskBand = state.riskBand();
        priority = state.priority();
        criteriaVersion = state.criteriaVersion();
        evaluationVersion++;
        updatedAt = at;
    }
}
