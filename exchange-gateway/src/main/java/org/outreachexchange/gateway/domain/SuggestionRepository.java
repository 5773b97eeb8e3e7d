package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SuggestionRepository implements PanacheRepositoryBase<Suggestion, UUID> {

    /** The activity's suggestions, oldest first. */
    public List<Suggestion> forActivity(UUID activityId) {
        return list("activityId = ?1 order by createdAt, id", activityId);
    }

    /** The suggestion if it is one of the activity's, locked so two answers cannot both find it open. */
    public Optional<Suggestion> lockOfActivity(UUID activityId, UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(s -> s.activityId.equals(activityId));
    }

    public long countOpen(UUID activityId) {
        return count("activityId = ?1 and status = ?2", activityId, SuggestionStatus.OPEN);
    }
}
