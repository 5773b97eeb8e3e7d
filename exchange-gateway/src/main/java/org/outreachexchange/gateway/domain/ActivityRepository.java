package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /**
     * Live activities of other organizers whose period touches [from, to] (the caller checks recipients). Native SQL
     * so the period test is a range overlap that the GiST index {@code activity_live_period} answers.
     */
    @SuppressWarnings("unchecked")
    public List<Activity> liveOfOtherOrganizersBetween(String organizer, LocalDate from, LocalDate to) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM activity WHERE status <> 'CANCELLED' AND start_date IS NOT NULL
                        AND daterange(start_date, end_date, '[]') && daterange(?1, ?2, '[]') AND organizer <> ?3""", Activity.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, organizer).getResultList();
    }

    /** Live activities with {@code country} among their recipients (stored comma-joined, so the code is matched whole). */
    public List<Activity> liveFor(String country) {
        return list("status <> ?1 and concat(',', recipients, ',') like ?2 order by startDate", ActivityStatus.CANCELLED,
                "%," + country + ",%");
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
