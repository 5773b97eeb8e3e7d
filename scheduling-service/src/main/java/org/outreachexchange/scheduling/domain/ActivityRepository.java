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

    public Optional<Activity> findActivity(UUID id) {
        return findByIdOptional(id);
    }

    /** Locks the row until the transaction ends, so version check and change are one step. */
    public Optional<Activity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Activities matching every given criterion; a period matches when it overlaps the activity's schedule. */
    public List<Activity> search(Optional<String> recipient, Optional<ActivityType> type, Optional<ActivityStatus> status,
                                 Optional<LocalDate> from, Optional<LocalDate> to) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
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
                + " order by a.periodStart, a.createdAt, a.id";
        return find(query, parameters).list();
    }
}
