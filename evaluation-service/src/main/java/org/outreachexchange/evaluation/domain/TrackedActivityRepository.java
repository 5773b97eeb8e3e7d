package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrackedActivityRepository implements PanacheRepositoryBase<TrackedActivity, UUID> {

    /** Activities not cancelled whose period overlaps [from, to], whoever may see them; filter by {@link TrackedActivity#audience()}. */
    public List<TrackedActivity> activeBetween(LocalDate from, LocalDate to) {
        return list("status <> 'CANCELLED' and periodStart <= ?2 and periodEnd >= ?1", from, to);
    }
}
