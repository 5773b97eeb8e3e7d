package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An adopted version of the risk criteria; the highest version is in force. */
@Entity
@Table(name = "criteria_version")
public class CriteriaVersion {

    @Id
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Factor, BigDecimal> weights;
    @Column(name = "high_threshold")
    public BigDecimal highThreshold;
    public String rationale;
    /** The government that proposed it (the seed's version: null). */
    @Column(name = "adopted_by")
    public String adoptedBy;
    /** The CRITERIA proposal whose adoption made it; null for the seed's version 1. */
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "adopted_at")
    public Instant adoptedAt;

    public Criteria criteria() {
        return new Criteria(version, weights, highThreshold);
    }
}
