package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An adopted version of the risk criteria; the highest version is in force. */
@Entity
@Table(name = "criteria_version")
public class CriteriaVersion {

    @Id
    public int version;
    @Convert(converter = JsonColumns.Factors.class)
    public Map<Factor, BigDecimal> weights;
    @Column(name = "high_threshold")
    public BigDecimal highThreshold;
    public String rationale;
    @Column(name = "adopted_by")
    public String adoptedBy;
    @Column(name = "adopted_at")
    public Instant adoptedAt;

    public Criteria criteria() {
        return new Criteria(version, weights, highThreshold);
    }
}
