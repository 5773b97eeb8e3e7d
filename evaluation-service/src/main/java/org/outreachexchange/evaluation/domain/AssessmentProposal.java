package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A partner's proposed change to a country's elements and/or factor scores, and the other partners' responses. */
@Entity
@Table(name = "assessment_proposal")
public class AssessmentProposal {

    @Id
    public UUID id;
    public String country;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_by_agency")
    public String proposedByAgency;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    public String rationale;
    @Convert(converter = JsonColumns.Elements.class)
    @Column(name = "element_changes")
    public Map<Element, ElementEvidence> elementChanges;
    @Convert(converter = JsonColumns.Factors.class)
    @Column(name = "factor_changes")
    public Map<Factor, BigDecimal> factorChanges;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Convert(converter = JsonColumns.Responses.class)
    public List<ProposalResponse> responses = new ArrayList<>();
    /** Two governments answering at once must not overwrite each other's response. */
    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    public boolean answeredBy(String government) {
        return responses.stream().anyMatch(r -> r.government().equals(government));
    }
}
