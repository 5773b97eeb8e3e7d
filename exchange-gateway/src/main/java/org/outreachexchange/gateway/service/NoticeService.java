package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.ActivitySnapshot;
import org.outreachexchange.gateway.domain.NoticeDecision;
import org.outreachexchange.gateway.domain.NoticePolicy;
import org.outreachexchange.gateway.messaging.ActivityChanged;
import org.outreachexchange.outbox.ProcessedEvents;
import org.outreachexchange.outbox.trust.SealedEvent;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies activity events: keeps the gateway's copy, asks the {@link NoticePolicy} what the notice state becomes and
 * which notices to raise, publishes those, and fans the change out to partners. Notice is judged by when the broker
 * appended the event to the organizer's topic, a time the organizer does not control, moved onto this service's clock
 * when that clock replays a scenario (see {@link #noticedAt}).
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
    private final NoticePolicy policy;
    private final ObjectMapper json;
    private final Clock clock;

    NoticeService(ActivityRepository activities, ProcessedEvents processed, NoticePublisher publisher,
                  CoordinationService coordination, FeedService feeds, NoticePolicy policy, ObjectMapper json, Clock clock) {
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
        ActivitySnapshot next = event.snapshot();
        Instant noticedAt = noticedAt(sealed);
        Instant now = clock.instant();
        Optional<Activity> held = activities.findLocked(next.activityId());
        Activity activity;
        NoticeDecision decision;
        if (held.isEmpty()) {
            decision = policy.firstNotice(next, noticedAt);
            activity = Activity.first(next, sealed.data(), decision.state(), now);
            activities.persist(activity);
        } else {
            activity = held.get();
            sealed.requireOwnerOf("activity " + activity.id, activity.organizer);
            if (!activity.supersededBy(next.version())) {
                return; // stale: a newer snapshot was applied already
            }
            decision = policy.revision(activity.notice(), read(activity.snapshot).snapshot(), next, noticedAt);
            activity.revise(next, sealed.data(), decision.state(), now);
        }
        publish(activity, decision, noticedAt);
        coordination.check(activity);
        feeds.activityChanged(activity, eventType(sealed.type()), sealed.data(), now);
    }

    /** Raises the incomplete notices whose deadline passed without a new event; run by {@link IncompleteNoticeJob}. */
    @Transactional
    public int raiseIncompleteNotices() {
        Instant now = clock.instant();
        int raised = 0;
        for (Activity activity : activities.pendingPastDeadlineLocked(now)) {
            Optional<NoticeDecision> decision = policy.deadlinePassed(activity.notice(), activity.status, now);
            if (decision.isPresent()) {
                activity.record(decision.get().state());
                publish(activity, decision.get(), now);
                raised++;
            }
        }
        return raised;
    }

    private void publish(Activity activity, NoticeDecision decision, Instant at) {
        for (NoticeDecision.Raise notice : decision.notices()) {
            publisher.publish(activity, notice.kind(), activity.organizer, notice.missing(), notice.changed(), null, at);
        }
    }

    /**
     * When the partners were notified: the broker's append time, on this service's clock. A replayed scenario clock
     * runs at a fixed offset from the wall clock, so the append time is moved by that offset; the organizer's own
     * clock (its event's {@code occurredAt}) plays no part.
     */
    private Instant noticedAt(SealedEvent sealed) {
        return sealed.appendedAt().plus(Duration.between(WALL_CLOCK.instant(), clock.instant()));
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
