package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.gateway.domain.Acknowledgement;
import org.outreachexchange.gateway.domain.AcknowledgementRepository;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.Advisory;
import org.outreachexchange.gateway.domain.AdvisoryRepository;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.domain.Notice;
import org.outreachexchange.gateway.domain.NoticeKind;
import org.outreachexchange.gateway.domain.NoticeOutcome;
import org.outreachexchange.gateway.domain.NoticeRepository;
import org.outreachexchange.gateway.domain.Verdict;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The shared schedule as each government may see it, notice status, acknowledgements, compliance and advisories. */
@ApplicationScoped
public class ScheduleService {

    /** Activities read from the database at once while a page is filled. */
    private static final int SCAN_BATCH = 500;

    /** Filter values of the schedule's {@code compliance} parameter. */
    public enum Compliance {
        PENDING, COMPLIANT, LATE, INCOMPLETE, SHORT_NOTICE_CHANGE;

        boolean matches(Activity activity) {
            return this == SHORT_NOTICE_CHANGE ? activity.shortNoticeChanges > 0 : activity.outcome.name().equals(name());
        }
    }

    public record Query(String government, String recipient, LocalDate from, LocalDate to, Compliance compliance) {
    }

    /** One activity's notice file: the activity, the notices raised and the acknowledgements the caller may see. */
    public record NoticeFile(Activity activity, boolean withheld, List<Notice> notices, List<Acknowledgement> acknowledgements) {
    }

    public record ComplianceReport(String government, LocalDate from, LocalDate to, int activities, int compliant, int late,
                                   int incomplete, int pending, int shortNoticeChanges, Double complianceRate,
                                   List<Activity> items) {
    }

    private final ActivityRepository activities;
    private final NoticeRepository notices;
    private final AcknowledgementRepository acknowledgements;
    private final AdvisoryRepository advisories;
    private final SharingPolicy sharing;
    private final RequestValidator requests;
    private final Clock clock;

    ScheduleService(ActivityRepository activities, NoticeRepository notices, AcknowledgementRepository acknowledgements,
                    AdvisoryRepository advisories, SharingPolicy sharing, RequestValidator requests, Clock clock) {
        this.activities = activities;
        this.notices = notices;
        this.acknowledgements = acknowledgements;
        this.advisories = advisories;
        this.sharing = sharing;
        this.requests = requests;
        this.clock = clock;
    }

    /** An activity as the caller sees it in the schedule, and whether it is withheld from the partners. */
    public record Entry(Activity activity, boolean withheld) {
    }

    /**
     * Up to {@code wanted} entries after {@code position}, by first day (undated last) then id: its own activities
     * always; others' only when distributed to the caller (and not withheld, where that applies).
     */
    public List<Entry> schedule(String caller, Query query, Keyset.ByDate position, int wanted) {
        Instant now = clock.instant();
        Predicate<Activity> keep = a -> sharing.sharedWith(a, caller, now);
        if (query.compliance() != null) {
            keep = keep.and(query.compliance()::matches);
        }
        ActivityRepository.Criteria criteria = new ActivityRepository.Criteria(query.government(), null, query.recipient(),
                query.from(), query.to(), false);
        return activities.collect(criteria, position, wanted, Math.max(wanted, SCAN_BATCH), keep).stream()
                .map(a -> new Entry(a, sharing.withheld(a, now))).toList();
    }

    /** Every government gets 404 for what it may not see, so restricted activities do not even reveal their existence. */
    public Activity readable(String caller, UUID id) {
        Instant now = clock.instant();
        return activities.findByIdOptional(id).filter(a -> sharing.sharedWith(a, caller, now))
                .orElseThrow(() -> ProblemException.notFound("no activity " + id + " shared with " + caller));
    }

    public NoticeFile noticeFile(String caller, UUID id) {
        Activity activity = readable(caller, id);
        boolean organizer = activity.organizer.equals(caller);
        List<Notice> raised = notices.forActivity(id).stream().filter(n -> organizer || n.kind != NoticeKind.ADVISORY).toList();
        List<Acknowledgement> acks = acknowledgements.forActivity(id).stream().filter(a -> organizer || a.government.equals(caller)).toList();
        return new NoticeFile(activity, sharing.withheld(activity, clock.instant()), raised, acks);
    }

    /**
     * Whether the caller may acknowledge the activity's notice, checked before its body is read: an agency that plans
     * or coordinates (403 otherwise), an activity shared with it (404 otherwise), of another government (403).
     */
    public Activity acknowledgeable(AgencyIdentity caller, UUID id) {
        if (!caller.has(Role.PLANNER) && !caller.has(Role.COORDINATOR)) {
            throw new AgencyForbiddenException("agency " + caller.agency() + " of " + caller.government()
                    + " has neither the planner nor the coordinator role, which answer partners' notices");
        }
        Activity activity = readable(caller.government(), id);
        if (activity.organizer.equals(caller.government())) {
            throw new AgencyForbiddenException("the organizer does not acknowledge its own activity's notice");
        }
        return activity;
    }

    @Transactional
    public Acknowledgement acknowledge(AgencyIdentity caller, UUID id, AcknowledgementRequest request) {
        acknowledgeable(caller, id);
        boolean concernWithoutComment = request != null && request.verdict() == Verdict.CONCERN
                && (request.comment() == null || request.comment().isBlank());
        requests.require(request, concernWithoutComment
                ? List.of(new FieldError("comment", "required", "is required when raising a concern")) : List.of());
        Verdict verdict = request.verdict();
        String comment = request.comment();
        Optional<Acknowledgement> earlier = acknowledgements.findByIdOptional(new Acknowledgement.Key(id, caller.government()));
        if (earlier.isPresent()) {
            earlier.get().replace(caller.agency(), verdict, comment, clock.instant());
            return earlier.get();
        }
        Acknowledgement acknowledgement = Acknowledgement.of(id, caller.government(), caller.agency(), verdict, comment, clock.instant());
        acknowledgements.persist(acknowledgement);
        return acknowledgement;
    }

    /**
     * Activities of {@code government} starting within the period that the caller may see, by notice outcome: the
     * counts cover them all, {@code items} only the {@code wanted} after {@code position} (by first day, then id).
     */
    public ComplianceReport compliance(String caller, String government, LocalDate from, LocalDate to,
                                       Keyset.ByDate position, int wanted) {
        ActivityRepository.Criteria criteria = new ActivityRepository.Criteria(government, null, null, null, to, true);
        List<Activity> all = activities.collect(criteria, Keyset.ByDate.before(from), Integer.MAX_VALUE, SCAN_BATCH,
                a -> a.visibleTo(caller));
        int compliant = count(all, NoticeOutcome.COMPLIANT);
        int late = count(all, NoticeOutcome.LATE);
        int incomplete = count(all, NoticeOutcome.INCOMPLETE);
        int decided = compliant + late + incomplete;
        List<Activity> items = all.stream().filter(a -> after(Keyset.ByDate.of(a), position)).limit(wanted).toList();
        return new ComplianceReport(government, from, to, all.size(), compliant, late, incomplete,
                count(all, NoticeOutcome.PENDING), all.stream().mapToInt(a -> a.shortNoticeChanges).sum(),
                decided == 0 ? null : (double) compliant / decided, items);
    }

    /** Up to {@code wanted} advisories addressed to the caller's government, by creation then id, after {@code position}. */
    public List<Advisory> advisories(String caller, Optional<Keyset.ByTime> position, int wanted) {
        return advisories.page(caller, position, wanted);
    }

    private static boolean after(Keyset.ByDate item, Keyset.ByDate position) {
        int byDate = item.date().compareTo(position.date());
        // PostgreSQL orders uuids byte by byte, as their hex text sorts; UUID.compareTo compares signed halves.
        return byDate > 0 || (byDate == 0 && item.id().toString().compareTo(position.id().toString()) > 0);
    }

    private static int count(List<Activity> items, NoticeOutcome outcome) {
        return (int) items.stream().filter(a -> a.outcome == outcome).count();
    }
}
