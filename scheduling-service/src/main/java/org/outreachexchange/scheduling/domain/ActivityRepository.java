package org.outreachexchange.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** The advisory lock that numbers activities in the list, held until the planning transaction ends. */
    private static final String NEXT_LIST_POSITION =
            "SELECT nextval('activity_list_position') FROM pg_advisory_xact_lock(" + 0x5c4ed + ", 0)";

    /** Where in the list an activity goes; one pagination position after another, in commit order. */
    public record ListPosition(long position, UUID id) {
    }

    public Optional<Activity> findActivity(UUID id) {
        return findByIdOptional(id);
    }

    /** Locks the row until the transaction ends, so version check and change are one step. */
    public Optional<Activity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The next position in the list. The lock it takes is held until the caller's transaction ends, so a second planner
     * gets its number only after the first committed (or rolled back): numbers are in commit order, and a reader who
     * sees number n already sees every committed number below it. Call it as late as possible in the transaction.
     */
    public long nextListPosition() {
        return ((Number) getEntityManager().createNativeQuery(NEXT_LIST_POSITION).getSingleResult()).longValue();
    }

    /**
     * Up to {@code limit} activities matching every given criterion, in list order (planning order, as committed),
     * after the position {@code after}; a period matches when it overlaps the activity's schedule.
     */
    public List<Activity> search(Optional<String> recipient, Optional<ActivityType> type, Optional<ActivityStatus> status,
                                 Optional<LocalDate> from, Optional<LocalDate> to, Optional<ListPosition> after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        after.ifPresent(position -> {
            where.add("(a.listPosition > :position or (a.listPosition = :position and a.id > :id))");
            parameters.put("position", position.position());
            parameters.put("id", position.id());
        });
        recipient.ifPresent(r -> {
            where.add(":recipient member of a.recipients");
            parameters.put("recipient", r);
        });
        type.ifPresent(t -> {
            where.add("a.type = :type");
            parameters.put("type", t);
        });
        status.ifPresent(s -> {
            where.add("a.status = :status");
            parameters.put("status", s);
        });
        from.ifPresent(f -> {
            where.add("a.periodEnd >= :from");
            parameters.put("from", f);
        });
        to.ifPresent(t -> {
            where.add("a.periodStart <= :to");
            parameters.put("to", t);
        });
        String query = "from Activity a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.listPosition, a.id";
        return find(query, parameters).page(0, limit).list();
    }
}
