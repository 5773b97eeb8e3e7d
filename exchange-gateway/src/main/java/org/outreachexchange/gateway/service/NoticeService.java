package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.gateway.config.NoticePolicyConfig;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.NoticeKind;
import org.outreachexchange.gateway.domain.NoticeOutcome;
import org.outreachexchange.gateway.messaging.ActivityChanged;
import org.outreachexchange.gateway.domain.NoticeDeadline;
import org.outreachexchange.outbox.ProcessedEvents;
import org.outreachexchange.outbox.trust.SealedEvent;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies activity events: keeps the gateway's copy, enforces the advance-notice policy, fans out to partners.
 * Notice is judged by when the broker appended the event to the organizer's topic, a time the organizer does not
 * control, moved onto this service's clock when that clock replays a scenario (see {@link #noticedAt}).
 */
@ApplicationScoped
public class NoticeService {

    /** This consumer's name in the idempotent-consumer log, the chains and the exchange log. */
    public static final String CONSUMER = "exchange-gateway.activities";
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final ActivityRepository activities;
    private final ProcessedEvents processed;
    private final NoticePublisher publisher;
    private final CoordinationService coordination;
    private final FeedService feeds;
    private final NoticePolicyConfig policy;
    private final ObjectMapper json;
    private final Clock clock;

    NoticeService(ActivityRepository activities, ProcessedEvents processed, NoticePublisher publisher,
                  CoordinationService coordination, FeedService feeds, NoticePolicyConfig policy, ObjectMapper json, Clock clock) {
        this.activities = activities;
        this.processed = processed;
        this.publisher = publisher;
        this.coordination = coordination;
        this.feeds = feeds;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    /** A verified activity event and its parsed data. */
    public record Change(SealedEvent sealed, ActivityChanged event) {
    }

    /** Applies a batch in one transaction, in order; if any change fails, none is applied. */
    @Transactional
    public void applyAll(List<Change> changes) {
        for (Change change : changes) {
            apply(change.sealed(), change.event());
            // Write each event's rows and forget them: every query flushes, and a flush checks every entity the
            // session holds, so a session that grew with the batch would make a batch cost the square of its size.
            activities.flush();
            activities.getEntityManager().clear();
        }
    }

    @Transactional
    public void apply(Change change) {
        apply(change.sealed(), change.event());
    }

    private void apply(SealedEvent sealed, ActivityChanged event) {
        if (!processed.firstDelivery(CONSUMER, sealed.id())) {
            return;
        }
        Optional<Activity> held = activities.findLocked(event.activityId());
        held.ifPresent(a -> sealed.requireOwnerOf("activity " + a.id, a.organizer));
        if (held.isPresent() && held.get().version >= event.version()) {
            return; // stale: a newer snapshot was applied already
        }
        String data = sealed.data();
        Instant noticedAt = noticedAt(sealed);
        String type = eventType(sealed.type());
        if (held.isEmpty()) {
            Activity activity = new Activity();
            activity.id = event.activityId();
            activity.noticedAt = noticedAt;
            activity.outcome = NoticeOutcome.PENDING;
            copy(event, data, activity);
            activities.persist(activity);
            firstNotice(activity, noticedAt);
            coordination.check(activity);
            feeds.activityChanged(activity, type, data, clock.instant());
            return;
        }
        Activity activity = held.get();
        ActivityChanged previous = read(activity.snapshot);
        Instant previousDeadline = activity.deadline;
        List<Missing> previouslyMissing = List.copyOf(activity.missingSet());
        copy(event, data, activity);
        revision(activity, previous, event, previousDeadline, previouslyMissing, noticedAt);
        coordination.check(activity);
        feeds.activityChanged(activity, type, data, clock.instant());
    }

    /** Raises the incomplete notices whose deadline passed without a new event; run by {@link IncompleteNoticeJob}. */
    @Transactional
    public int raiseIncompleteNotices() {
        Instant now = clock.instant();
        List<Activity> overdue = activities.pendingPastDeadlineLocked(now);
        for (Activity activity : overdue) {
            activity.outcome = NoticeOutcome.INCOMPLETE;
            publisher.publish(activity, NoticeKind.INCOMPLETE, activity.organizer, List.copyOf(activity.missingSet()), List.of(), null, now);
        }
        return overdue.size();
    }

    public Instant deadline(ActivityChanged event) {
        return NoticeDeadline.of(event.period().first(), policy.periodDays(event.type()), policy.dayZone());
    }

    /**
     * When the partners were notified: the broker's append time, on this service's clock. A replayed scenario clock
     * runs at a fixed offset from the wall clock, so the append time is moved by that offset; the organizer's own
     * clock (its event's {@code occurredAt}) plays no part.
     */
    private Instant noticedAt(SealedEvent sealed) {
        return sealed.appendedAt().plus(Duration.between(WALL_CLOCK.instant(), clock.instant()));
    }

    private void firstNotice(Activity activity, Instant noticedAt) {
        if (activity.deadline != null && !noticedAt.isBefore(activity.deadline)) {
            activity.outcome = NoticeOutcome.LATE;
            publisher.publish(activity, NoticeKind.LATE, activity.organizer, List.copyOf(activity.missingSet()), List.of(), null, noticedAt);
        } else if (activity.complete() && activity.deadline != null) {
            activity.outcome = NoticeOutcome.COMPLIANT;
            publisher.publish(activity, NoticeKind.COMPLIANT, activity.organizer, List.of(), List.of(), null, noticedAt);
        }
    }

    private void revision(Activity activity, ActivityChanged previous, ActivityChanged event, Instant previousDeadline,
                          List<Missing> previouslyMissing, Instant at) {
        if (event.status() == ActivityStatus.CANCELLED || event.status() == ActivityStatus.COMPLETED) {
            return; // the notice policy concerns what partners learn before an activity happens
        }
        boolean afterDeadline = previousDeadline != null && !at.isBefore(previousDeadline);
        if (activity.outcome == NoticeOutcome.PENDING && afterDeadline) {
            // Still pending past the deadline means it was incomplete when the deadline passed; the job had not run yet.
            activity.outcome = NoticeOutcome.INCOMPLETE;
            publisher.publish(activity, NoticeKind.INCOMPLETE, activity.organizer, previouslyMissing, List.of(), null, at);
        }
        List<String> changed = changes(previous, event);
        if (afterDeadline && !changed.isEmpty()) {
            activity.shortNoticeChanges++;
            publisher.publish(activity, NoticeKind.SHORT_NOTICE_CHANGE, activity.organizer, List.copyOf(activity.missingSet()), changed, null, at);
        } else if (activity.outcome == NoticeOutcome.PENDING && activity.complete() && activity.deadline != null) {
            boolean inTime = at.isBefore(activity.deadline);
            activity.outcome = inTime ? NoticeOutcome.COMPLIANT : NoticeOutcome.LATE;
            publisher.publish(activity, inTime ? NoticeKind.COMPLIANT : NoticeKind.LATE, activity.organizer, List.of(), List.of(), null, at);
        }
    }

    private static List<String> changes(ActivityChanged previous, ActivityChanged event) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(previous.schedule(), event.schedule())) {
            changed.add("schedule");
        }
        if (!previous.agendaItems().equals(event.agendaItems())) {
            changed.add("agenda");
        }
        if (!previous.objectiveItems().equals(event.objectiveItems())) {
            changed.add("objectives");
        }
        return changed;
    }

    private void copy(ActivityChanged event, String data, Activity activity) {
        activity.organizer = event.organizer();
        activity.version = event.version();
        activity.type = event.type();
        activity.status = event.status();
        activity.recipients = Activity.join(event.recipients());
        activity.startDate = event.period().first();
        activity.endDate = event.period().last();
        activity.exactDates = event.schedule().exactDates();
        activity.distributionScope = event.distribution().scope();
        activity.distributionGovernments = Activity.join(event.distributionGovernments());
        List<Missing> missing = new ArrayList<>();
        if (!activity.exactDates) {
            missing.add(Missing.DATES);
        }
        if (event.agendaItems().isEmpty()) {
            missing.add(Missing.AGENDA);
        }
        if (event.objectiveItems().isEmpty()) {
            missing.add(Missing.OBJECTIVES);
        }
        activity.missing = Activity.join(missing);
        activity.snapshot = data;
        activity.deadline = deadline(event);
        activity.updatedAt = clock.instant();
    }

    private ActivityChanged read(String snapshot) {
        try {
            return json.readValue(snapshot, ActivityChanged.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webhook/SSE event type: the CloudEvent type without its namespace, e.g. {@code activity.planned}. */
    private static String eventType(String cloudEventType) {
        return cloudEventType.startsWith("outreach.") ? cloudEventType.substring("outreach.".length()) : cloudEventType;
    }
}
