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

    protected CriteriaVersion() {
    }

    /** The first version, which no partner proposed. */
    public static CriteriaVersion initial(Criteria criteria, String rationale, Instant at) {
        return of(criteria, rationale, null, null, at);
    }

    /** The version an adopted CRITERIA proposal became, adopted by its proposer when it was decided. */
    public static CriteriaVersion adoptedThrough(Proposal proposal) {
        if (proposal.kind != ProposalKind.CRITERIA || proposal.status != ProposalStatus.ADOPTED) {
            throw new IllegalArgumentException("proposal " + proposal.id + " is " + proposal.status + " " + proposal.kind
                    + ", not an adopted CRITERIA proposal");
        }
        return of(proposal.criteria(proposal.adoptedCriteriaVersion), proposal.rationale, proposal.proposedBy, proposal.id,
                proposal.decidedAt);
    }

    private static CriteriaVersion of(Criteria criteria, String rationale, String adoptedBy, UUID proposalId, Instant at) {
        CriteriaVersion version = new CriteriaVersion();
        version.version = criteria.version();
        version.weights = criteria.weights();
        version.highThreshold = criteria.highThreshold();
        version.rationale = rationale;
        version.adoptedBy = adoptedBy;
        version.proposalId = proposalId;
        version.adoptedAt = at;
        return version;
    }

    public Criteria criteria() {
        return new Criteria(version, weights, highThreshold);
    }
}
