package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssessmentProposalRepository implements PanacheRepositoryBase<AssessmentProposal, UUID> {

    public List<AssessmentProposal> newestFirst() {
        return listAll(Sort.descending("proposedAt"));
    }
}
