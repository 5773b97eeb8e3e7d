package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.Evaluation;
import org.outreachexchange.gateway.domain.EvaluationRepository;
import org.outreachexchange.gateway.domain.Notice;
import org.outreachexchange.gateway.domain.NoticeRepository;
import org.outreachexchange.gateway.messaging.ActivityChanged;
import org.outreachexchange.gateway.service.SharingPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is new for one government since its console page opened: partners' activities it may see (new or revised),
 * notices addressed to it, and re-evaluations. Read from the gateway's own tables with the schedule's sharing rule,
 * so a live notification never tells of an activity the government may not see.
 */
@ApplicationScoped
public class ConsoleLive {

    /** How many changes of each kind one poll reads at most; the next poll goes on from there. */
    static final int BATCH = 50;

    /** Where a stream has read up to: activity changes and notices by the gateway's clock, evaluations by version. */
    public record Cursor(Instant activities, Instant notices, Map<String, Integer> evaluations) {
    }

    /** One notification: a message key, who and what it is about, and where to look. */
    @TemplateData
    public record Notification(String event, String subject, String href) {
    }

    public record Poll(List<Notification> notifications, Cursor cursor) {
    }

    private final ActivityRepository activities;
    private final NoticeRepository notices;
    private final EvaluationRepository evaluations;
    private final SharingPolicy sharing;
    private final ObjectMapper json;
    private final Clock clock;

    ConsoleLive(ActivityRepository activities, NoticeRepository notices, EvaluationRepository evaluations,
                SharingPolicy sharing, ObjectMapper json, Clock clock) {
        this.json = json;
        this.activities = activities;
        this.notices = notices;
        this.evaluations = evaluations;
        this.sharing = sharing;
        this.clock = clock;
    }

    @Transactional
    public Cursor start() {
        Instant now = clock.instant();
        return new Cursor(now, now, versions());
    }

    @Transactional
    public Poll poll(String government, Cursor cursor) {
        Instant now = clock.instant();
        List<Notification> found = new ArrayList<>();
        Instant activitiesUpTo = cursor.activities();
        for (Activity a : activities.changedSince(cursor.activities(), BATCH)) {
            activitiesUpTo = a.updatedAt;
            if (!a.organizer.equals(government) && sharing.sharedWith(a, government, now)) {
                found.add(new Notification(a.version == 1 ? "live_new_activity" : "live_revised_activity",
                        a.organizer + " · " + title(a), "/console/activities/" + a.id));
            }
        }
        Instant noticesUpTo = cursor.notices();
        for (Notice n : notices.addressedSince(government, cursor.notices(), BATCH)) {
            noticesUpTo = n.occurredAt;
            found.add(new Notification("live_notice_" + n.kind.name(), "", "/console/activities/" + n.activityId));
        }
        Map<String, Integer> versions = new HashMap<>();
        for (Evaluation e : evaluations.listAll()) {
            versions.put(e.country, e.evaluationVersion);
            if (e.evaluationVersion > cursor.evaluations().getOrDefault(e.country, 0)) {
                found.add(new Notification("live_reevaluated", e.country + " · " + e.category, "/console/board/" + e.country));
            }
        }
        return new Poll(found, new Cursor(activitiesUpTo, noticesUpTo, versions));
    }

    private Map<String, Integer> versions() {
        Map<String, Integer> versions = new HashMap<>();
        evaluations.listAll().forEach(e -> versions.put(e.country, e.evaluationVersion));
        return versions;
    }

    private String title(Activity a) {
        try {
            return json.readValue(a.snapshot, ActivityChanged.class).title();
        } catch (JsonProcessingException e) {
            return a.type;
        }
    }
}
