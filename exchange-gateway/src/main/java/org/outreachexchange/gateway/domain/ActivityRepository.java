package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Live activities of other organizers that could overlap (the caller checks recipients and dates). */
    public List<Activity> liveOfOtherOrganizers(String organizer) {
        return list("organizer <> ?1 and status <> ?2 and startDate is not null", organizer, ActivityStatus.CANCELLED);
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
