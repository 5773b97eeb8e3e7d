package org.outreachexchange.scheduling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;
import org.outreachexchange.identity.quarkus.CurrentAgency;
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
import java.util.function.Supplier;

/**
 * The government's agencies' use cases. Each change and its event commit in one transaction; the order of checks is
 * existence (404), the caller's role and ownership (403), version (428, 412), status (409), then input (400), and a
 * refused request changes nothing. Bodies arrive unread ({@link Supplier}) and are read only after the caller was
 * found entitled, so a caller who may not act learns nothing from how its body is judged.
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
    private final CurrentAgency caller;

    ActivityService(ActivityRepository activities, IdempotencyKeys idempotencyKeys, ActivityValidator validator,
                    ActivityEvents events, SchedulingConfig config, ObjectMapper mapper, Clock clock, CurrentAgency caller) {
        this.activities = activities;
        this.idempotencyKeys = idempotencyKeys;
        this.validator = validator;
        this.events = events;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.caller = caller;
    }

    /** The activity planned, and whether it was planned earlier by a request with the same Idempotency-Key. */
    public record Planned(Activity activity, boolean replayed) {
    }

    @Transactional
    public Planned plan(Supplier<ActivityRequest> body, Supplier<Optional<String>> idempotencyKeyHeader) {
        AgencyIdentity agency = caller.identity();
        if (!Activity.mayBePlannedBy(agency)) {
            throw new AgencyForbiddenException("agency " + agency.agency() + " of " + agency.government()
                    + " may not plan activities: that needs the planner or coordinator role");
        }
        Optional<String> idempotencyKey = idempotencyKeyHeader.get();
        ActivityRequest request = body.get();
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
        Activity activity = Activity.plan(id, config.government(), agency.agency(), activities.nextListPosition(), content, now);
        activities.persist(activity);
        events.append(activity, ActivityChange.PLANNED);
        return new Planned(activity, false);
    }

    public Activity get(UUID id) {
        return activities.findActivity(id).orElseThrow(() -> notFound(id));
    }

    /** The activity, locked, once the caller was found entitled to change it (404, else 403). */
    private Activity lockForChange(UUID id, String change) {
        Activity activity = activities.findForUpdate(id).orElseThrow(() -> notFound(id));
        AgencyIdentity agency = caller.identity();
        if (!activity.mayBeChangedBy(agency)) {
            throw new AgencyForbiddenException("agency " + agency.agency() + " may not " + change + " activity " + id
                    + ": only planners of the agency that planned it" + (activity.createdBy() == null ? "" : " (" + activity.createdBy() + ")")
                    + " or the government's coordinator may");
        }
        return activity;
    }

    private ProblemException notFound(UUID id) {
        return ProblemException.notFound("no activity " + id + " of " + config.government());
    }

    /** Up to {@code limit} matching activities after the list position {@code after}, in list order. */
    public List<Activity> search(Optional<String> recipient, Optional<ActivityType> type, Optional<ActivityStatus> status,
                                 Optional<LocalDate> from, Optional<LocalDate> to,
                                 Optional<ActivityRepository.ListPosition> after, int limit) {
        return activities.search(recipient, type, status, from, to, after, limit);
    }

    @Transactional
    public Activity revise(UUID id, String ifMatch, Supplier<ActivityRequest> body) {
        Activity activity = lockForChange(id, "revise");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(428, "revising needs If-Match with the activity's current ETag, so no change is overwritten unseen");
        }
        requireVersion(activity, ETags.expectedVersion(ifMatch));
        activity.requireOpen("revised");
        activity.revise(validator.content(body.get()), clock.instant());
        events.append(activity, ActivityChange.REVISED);
        return activity;
    }

    @Transactional
    public Activity complete(UUID id, String ifMatch, Supplier<CompletionRequest> body) {
        Activity activity = lockForChange(id, "complete");
        requireVersion(activity, ETags.expectedVersion(ifMatch));
        activity.requireCompletable();
        Results results = validator.results(body.get(), activity.schedule(), activity.recipients());
        activity.complete(results, clock.instant());
        events.append(activity, ActivityChange.COMPLETED);
        return activity;
    }

    @Transactional
    public Activity cancel(UUID id, String ifMatch, Supplier<CancellationRequest> body) {
        Activity activity = lockForChange(id, "cancel");
        requireVersion(activity, ETags.expectedVersion(ifMatch));
        activity.requireOpen("cancelled");
        activity.cancel(validator.cancellationReason(body.get()), clock.instant());
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
