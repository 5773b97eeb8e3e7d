package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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

    /**
     * Up to {@code count} proposals of the given status and kind (either may be null for any), newest first (time
     * opened, then id, both descending), after the proposal at {@code before} in that order, if given.
     */
    public List<Proposal> newestFirst(ProposalStatus status, ProposalKind kind, Position before, int count) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (before != null) {
            query.append(" and (proposedAt < :at or (proposedAt = :at and id < :id))");
            parameters.and("at", before.proposedAt()).and("id", before.id());
        }
        return find(query.toString(), Sort.descending("proposedAt", "id"), parameters).range(0, count - 1).list();
    }

    /** A proposal's place in the newest-first order. */
    public record Position(Instant proposedAt, UUID id) {

        public static Position of(Proposal proposal) {
            return new Position(proposal.proposedAt, proposal.id);
        }
    }

    /** How many proposals of these kinds {@code government} has open. */
    public long countOpen(String government, List<ProposalKind> kinds) {
        return count("proposedBy = ?1 and status = ?2 and kind in ?3", government, ProposalStatus.OPEN, kinds);
    }

    /** The findings proposal of an activity; there is at most one. */
    public Optional<Proposal> ofActivity(UUID activityId) {
        return find("activityId", activityId).firstResultOptional();
    }
}
