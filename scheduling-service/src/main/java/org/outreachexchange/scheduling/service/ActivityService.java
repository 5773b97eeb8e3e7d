package org.outreachexchange.scheduling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.scheduling.config.SchedulingConfig;
import org.outreachexchange.scheduling.domain.Activity;
import org.outreachexchange.scheduling.domain.ActivityContent;
import org.outreachexchange.scheduling.domain.ActivityRepository;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.IdempotencyKeys;
import org.outreachexchange.scheduling.domain.Results;
import org.outreachexchange.scheduling.messaging.ActivityChange;
import org.outreachexchange.scheduling.messaging.ActivityEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The government's agencies' use cases. Each change and its event commit in one transaction; the order of checks is
 * existence (404), version (412), status (409), then input (400), and a refused request changes nothing.
 */
@ApplicationScoped
public class ActivityService {

    private final ActivityRepository activities;
    private final IdempotencyKeys idempotencyKeys;
    private final ActivityValidator validator;
    private final ActivityEvents events;
    private final SchedulingConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    ActivityService(ActivityRepository activities, IdempotencyKeys idempotencyKeys, ActivityValidator validator,
                    ActivityEvents events, SchedulingConfig config, ObjectMapper mapper, Clock clock) {
        this.activities = activities;
        this.idempotencyKeys = idempotencyKeys;
        this.validator = validator;
        this.events = events;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The activity planned, and whether it was planned earlier by a request with the same Idempotency-Key. */
    public record Planned(Activity activity, boolean replayed) {
    }

    @Transactional
    public Planned plan(ActivityRequest request, Optional<String> idempotencyKey) {
        ActivityContent content = validator.content(request);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        if (idempotencyKey.isPresent()) {
            String key = idempotencyKey.get();
            String hash = hash(request);
            if (!idempotencyKeys.claim(config.government(), key, hash, id, now)) {
                IdempotencyKeys.Claim claim = idempotencyKeys.find(config.government(), key)
                        .orElseThrow(() -> new IllegalStateException("Idempotency-Key " + key + " vanished"));
                if (!claim.requestHash().equals(hash)) {
                    throw ProblemException.of(422, "Idempotency-Key " + key + " was already used for a different request; use a new key for a new activity");
                }
                return new Planned(get(claim.activityId()), true);
            }
        }
        Activity activity = Activity.plan(id, config.government(), content, now);
        activities.persist(activity);
        events.append(activity, ActivityChange.PLANNED);
        return new Planned(activity, false);
    }

    public Activity get(UUID id) {
        return activities.findActivity(id).orElseThrow(() -> notFound(id));
    }

    private Activity lock(UUID id) {
        return activities.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private ProblemException notFound(UUID id) {
        return ProblemException.notFound("no activity " + id + " of " + config.government());
    }

    public List<Activity> search(Optional<String> recipient, Optional<ActivityType> type, Optional<ActivityStatus> status,
                                 Optional<LocalDate> from, Optional<LocalDate> to) {
        return activities.search(recipient, type, status, from, to);
    }

    @Transactional
    public Activity revise(UUID id, Optional<Long> expectedVersion, ActivityRequest request) {
        Activity activity = lock(id);
        requireVersion(activity, expectedVersion);
        activity.requireOpen("revised");
        activity.revise(validator.content(request), clock.instant());
        events.append(activity, ActivityChange.REVISED);
        return activity;
    }

    @Transactional
    public Activity complete(UUID id, Optional<Long> expectedVersion, CompletionRequest request) {
        Activity activity = lock(id);
        requireVersion(activity, expectedVersion);
        activity.requireCompletable();
        Results results = validator.results(request, activity.schedule(), activity.recipients());
        activity.complete(results, clock.instant());
        events.append(activity, ActivityChange.COMPLETED);
        return activity;
    }

    @Transactional
    public Activity cancel(UUID id, Optional<Long> expectedVersion, CancellationRequest request) {
        Activity activity = lock(id);
        requireVersion(activity, expectedVersion);
        activity.requireOpen("cancelled");
        activity.cancel(validator.cancellationReason(request), clock.instant());
        events.append(activity, ActivityChange.CANCELLED);
        return activity;
    }

    private static void requireVersion(Activity activity, Optional<Long> expected) {
        expected.filter(v -> v != activity.version()).ifPresent(v -> {
            throw ProblemException.of(412, "If-Match names version " + v + " but activity " + activity.id()
                    + " is at version " + activity.version() + "; read it again and reapply the change");
        });
    }

    /** Records serialise their components in declaration order, so equal requests hash equally. */
    private String hash(ActivityRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
