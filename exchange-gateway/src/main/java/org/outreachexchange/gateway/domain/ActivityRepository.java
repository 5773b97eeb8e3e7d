package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Activities first seen or changed after {@code since} (the gateway's clock), oldest change first, at most {@code limit}. */
    public List<Activity> changedSince(Instant since, int limit) {
        return find("updatedAt > ?1 order by updatedAt, id", since).page(0, limit).list();
    }

    /**
     * Live activities of other organizers whose period touches [from, to] and that share a recipient with
     * {@code recipients}. Native SQL so the period test is a range overlap that the GiST index
     * {@code activity_live_period} answers; the recipients are tested on the rows it finds rather than through the
     * GIN index {@code activity_recipients}, which would read a recipient's activities of all time. Without that test
     * every other organizer's activity in the window was loaded into the session, some hundred per event in a
     * rebuild, and every later flush of the event's transaction checked them all.
     */
    @SuppressWarnings("unchecked")
    public List<Activity> liveOfOtherOrganizersBetween(String organizer, LocalDate from, LocalDate to, List<String> recipients) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM activity WHERE status <> 'CANCELLED' AND start_date IS NOT NULL
                        AND daterange(start_date, end_date, '[]') && daterange(?1, ?2, '[]') AND organizer <> ?3
                        AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(recipients) r WHERE r = ANY (?4))""", Activity.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, organizer)
                .setParameter(4, recipients.toArray(String[]::new)).getResultList();
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

    /** What a scan of the schedule selects in the database; sharing and the remaining filters are the caller's. */
    public record Criteria(String organizer, String otherThan, String recipient, LocalDate endsFrom, LocalDate startsUntil,
                           boolean datedOnly) {
    }

    /**
     * The first {@code wanted} activities after {@code position} that meet {@code criteria} and {@code keep}, read in
     * batches of {@code batch} until enough are kept or none are left.
     */
    public List<Activity> collect(Criteria criteria, Keyset.ByDate position, int wanted, int batch, Predicate<Activity> keep) {
        List<Activity> kept = new ArrayList<>();
        Keyset.ByDate after = position;
        while (true) {
            List<Activity> read = scan(criteria, after, batch);
            for (Activity activity : read) {
                if (keep.test(activity)) {
                    kept.add(activity);
                    if (kept.size() == wanted) {
                        return kept;
                    }
                }
            }
            if (read.size() < batch) {
                return kept;
            }
            after = Keyset.ByDate.of(read.get(read.size() - 1));
        }
    }

    /**
     * Up to {@code limit} activities after {@code position} in the schedule's order (first day, undated last, then
     * id) that meet {@code criteria}: one batch of a keyset scan, so no read holds more than {@code limit} rows.
     */
    @SuppressWarnings("unchecked")
    public List<Activity> scan(Criteria criteria, Keyset.ByDate position, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM activity WHERE (COALESCE(start_date, :undated), id) > (:date, :id)");
        Map<String, Object> parameters = new HashMap<>();
        if (criteria.organizer() != null) {
            sql.append(" AND organizer = :organizer");
            parameters.put("organizer", criteria.organizer());
        }
        if (criteria.otherThan() != null) {
            sql.append(" AND organizer <> :otherThan");
            parameters.put("otherThan", criteria.otherThan());
        }
        if (criteria.recipient() != null) {
            sql.append(" AND recipients @> jsonb_build_array(CAST(:recipient AS text))");
            parameters.put("recipient", criteria.recipient());
        }
        if (criteria.endsFrom() != null) {
            sql.append(" AND end_date >= :endsFrom");
            parameters.put("endsFrom", criteria.endsFrom());
        }
        if (criteria.startsUntil() != null) {
            sql.append(" AND start_date <= :startsUntil");
            parameters.put("startsUntil", criteria.startsUntil());
        }
        if (criteria.datedOnly()) {
            sql.append(" AND start_date IS NOT NULL");
        }
        sql.append(" ORDER BY COALESCE(start_date, :undated), id LIMIT :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), Activity.class)
                .setParameter("undated", Keyset.ByDate.UNDATED).setParameter("date", position.date())
                .setParameter("id", position.id()).setParameter("limit", limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
