package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** Proposals of the given status and kind (either may be null for any), newest first. */
    public List<Proposal> newestFirst(ProposalStatus status, ProposalKind kind) {
        Sort newest = Sort.descending("proposedAt");
        if (status != null && kind != null) {
            return list("status = :status and kind = :kind", newest, Parameters.with("status", status).and("kind", kind));
        }
        if (status != null) {
            return list("status", newest, status);
        }
        if (kind != null) {
            return list("kind", newest, kind);
        }
        return listAll(newest);
    }

    /** The findings proposal of an activity; there is at most one. */
    public Optional<Proposal> ofActivity(UUID activityId) {
        return find("activityId", activityId).firstResultOptional();
    }
}
