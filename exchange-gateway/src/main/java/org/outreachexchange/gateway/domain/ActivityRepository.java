package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /** Live activities with {@code country} among their recipients (the GIN index {@code activity_recipients}). */
    @SuppressWarnings("unchecked")
    public List<Activity> liveFor(String country) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM activity WHERE status <> 'CANCELLED' AND recipients @> jsonb_build_array(CAST(?1 AS text))
                        ORDER BY start_date, id""", Activity.class)
                .setParameter(1, country).getResultList();
    }

    /**
     * The activity, locked until the transaction ends. The consumer applying a revision and the incomplete-notice job
     * both change an activity's notice state from what they read, so each locks the row before reading it: otherwise
     * both raise the incomplete notice, and the one committing last overwrites the other's change.
     */
    @SuppressWarnings("unchecked")
    public Optional<Activity> findLocked(UUID id) {
        return getEntityManager().createNativeQuery("SELECT * FROM activity WHERE id = ?1 FOR NO KEY UPDATE", Activity.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    /**
     * Activities whose deadline has passed while their notice is still pending, locked like {@link #findLocked}. Rows
     * a revision holds are skipped rather than waited for: that revision raises the incomplete notice itself if it is
     * still due, and a revision rolled back leaves the row to the job's next run.
     */
    @SuppressWarnings("unchecked")
    public List<Activity> pendingPastDeadlineLocked(Instant now) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM activity WHERE outcome = 'PENDING' AND deadline <= ?1 AND jsonb_array_length(missing) > 0
                        AND status NOT IN ('CANCELLED', 'COMPLETED') ORDER BY deadline FOR NO KEY UPDATE SKIP LOCKED""", Activity.class)
                .setParameter(1, now).getResultList();
    }

    public List<Activity> all() {
        return list("order by startDate, id");
    }
}
