package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Live activities of other organizers whose period touches [from, to] (the caller checks recipients). */
    public List<Activity> liveOfOtherOrganizersBetween(String organizer, LocalDate from, LocalDate to) {
        return list("organizer <> ?1 and status <> ?2 and startDate <= ?3 and endDate >= ?4", organizer,
                ActivityStatus.CANCELLED, to, from);
    }

    /** Live activities with {@code country} among their recipients. */
    public List<Activity> liveFor(String country) {
        return list("status <> ?1 order by startDate", ActivityStatus.CANCELLED).stream()
                .filter(a -> a.recipientList().contains(country)).toList();
    }

    /** Activities whose deadline has passed while their notice is still pending. */
    public List<Activity> pendingPastDeadline(Instant now) {
        return list("outcome = ?1 and deadline <= ?2 and missing <> '' and status not in ?3 order by deadline", NoticeOutcome.PENDING, now,
                List.of(ActivityStatus.CANCELLED, ActivityStatus.COMPLETED));
    }

    public List<Activity> all() {
        return list("order by startDate, id");
    }
}
