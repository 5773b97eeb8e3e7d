package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.AssessmentProposal;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.ProposalResponse;
import org.outreachexchange.evaluation.domain.ProposalStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ProposalView(UUID id, String country, String proposedBy, String proposedByAgency, Instant proposedAt,
                           String rationale, Map<Element, ElementEvidence> elements, Map<Factor, BigDecimal> factors,
                           ProposalStatus status, Instant decidedAt, List<ProposalResponse> responses) {

    static ProposalView of(AssessmentProposal p) {
        return new ProposalView(p.id, p.country, p.proposedBy, p.proposedByAgency, p.proposedAt, p.rationale,
                p.elementChanges, p.factorChanges, p.status, p.decidedAt, List.copyOf(p.responses));
    }
}
