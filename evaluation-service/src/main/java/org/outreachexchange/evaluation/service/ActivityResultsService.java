package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.outreachexchange.evaluation.domain.Audience;
import org.outreachexchange.evaluation.domain.CompletedActivity;
import org.outreachexchange.evaluation.domain.CountryEvaluationRepository;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.TrackedActivity;
import org.outreachexchange.evaluation.domain.TrackedActivityRepository;
import org.outreachexchange.evaluation.messaging.ActivityChanged;
import org.outreachexchange.evaluation.messaging.PoisonMessageException;
import org.outreachexchange.outbox.ProcessedEvents;
import org.outreachexchange.outbox.trust.SealedEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies partners' activity events: tracks activities (with who may see them) for coverage, and turns a completed
 * activity's findings into a FINDINGS proposal, which changes the evaluation only once the other partners concur.
 */
@ApplicationScoped
public class ActivityResultsService {

    /** This consumer's name in the idempotent-consumer log, the chains and the exchange log. */
    public static final String CONSUMER = "evaluation-activities";

    private static final Logger LOG = Logger.getLogger(ActivityResultsService.class);

    private final ProcessedEvents processed;
    private final TrackedActivityRepository activities;
    private final CountryEvaluationRepository countries;
    private final ProposalService proposals;
    private final Clock clock;

    ActivityResultsService(ProcessedEvents processed, TrackedActivityRepository activities,
                           CountryEvaluationRepository countries, ProposalService proposals, Clock clock) {
        this.processed = processed;
        this.activities = activities;
        this.countries = countries;
        this.proposals = proposals;
        this.clock = clock;
    }

    /** A verified activity event and its parsed data. */
    public record Applied(SealedEvent sealed, ActivityChanged event) {
    }

    /** Applies a batch in one transaction, in order; if any event fails, none is applied. */
    @Transactional
    public void applyAll(List<Applied> events) {
        events.forEach(e -> applyOne(e.sealed(), e.event()));
    }

    /** Applies one event once; duplicates and versions older than the one held change nothing. */
    @Transactional
    public void apply(Applied applied) {
        applyOne(applied.sealed(), applied.event());
    }

    private void applyOne(SealedEvent sealed, ActivityChanged event) {
        String eventId = sealed.id();
        if (event.distribution() == null || event.distribution().scope() == null) {
            // Required by the producer's schema: without it nobody can tell who may know of the activity.
            throw new PoisonMessageException("activity event " + eventId + " lacks distribution.scope");
        }
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            LOG.debugf("event %s already applied", eventId);
            return;
        }
        Optional<TrackedActivity> known = activities.findByIdOptional(event.activityId());
        known.ifPresent(a -> sealed.requireOwnerOf("activity " + a.activityId, a.organizer));
        TrackedActivity activity;
        if (known.isPresent()) {
            activity = known.get();
            if (!activity.update(event.revision(), clock.instant())) {
                LOG.debugf("event %s carries version %d of activity %s, already at %d", eventId, event.version(),
                        event.activityId(), activity.version);
                return;
            }
        } else {
            activity = TrackedActivity.track(event.revision(), clock.instant());
            activities.persist(activity);
        }
        if (event.status() == ActivityChanged.Status.COMPLETED && event.results() != null && event.results().findings() != null) {
            proposeFindings(event, activity.audience());
        }
    }

    /**
     * Opens the FINDINGS proposal of a completed activity, proposed by its organizer and kept to its audience. At most
     * one per activity: a completion delivered again (or republished) finds it and opens none.
     */
    private void proposeFindings(ActivityChanged event, Audience audience) {
        Optional<Proposal> existing = proposals.ofActivity(event.activityId());
        if (existing.isPresent()) {
            LOG.debugf("activity %s already has findings proposal %s", event.activityId(), existing.get().id);
            return;
        }
        LocalDate completedOn = event.results().completedOn();
        UUID proposalId = UUID.randomUUID();
        String source = "Activity " + event.activityId() + " (" + event.type() + ") organized by " + event.organizer()
                + (completedOn == null ? "" : ", completed " + completedOn);
        Map<String, Map<Element, ElementEvidence>> byCountry = new TreeMap<>();
        for (ActivityChanged.Finding finding : event.results().findings()) {
            if (finding.country() == null || finding.element() == null || finding.assessment() == null) {
                throw new PoisonMessageException("a finding of activity " + event.activityId() + " lacks country, element or assessment");
            }
            if (finding.knownElement().isEmpty() || finding.knownAssessment().isEmpty()) {
                LOG.infof("activity %s reports %s %s on %s, which this version does not know; finding kept out",
                        event.activityId(), finding.element(), finding.assessment(), finding.country());
                continue;
            }
            if (finding.country().equals(event.organizer())) {
                // Conflict of interest: an evaluated economy's findings about itself are not evidence of its evaluation.
                LOG.infof("activity %s of %s reports on %s itself; finding kept out", event.activityId(), event.organizer(),
                        finding.country());
                continue;
            }
            if (countries.findByIdOptional(finding.country()).isEmpty()) {
                LOG.infof("activity %s reports on %s, which is not evaluated; finding kept out", event.activityId(), finding.country());
                continue;
            }
            byCountry.computeIfAbsent(finding.country(), c -> new EnumMap<>(Element.class)).put(finding.knownElement().get(),
                    new ElementEvidence(finding.knownAssessment().get(), finding.evidence(), source, completedOn, event.activityId(),
                            proposalId, audience.restrictedTo()));
        }
        if (byCountry.isEmpty()) {
            return;
        }
        Proposal proposal = Proposal.openFindings(proposalId, event.organizer(), event.results().summary(), clock.instant(),
                new CompletedActivity(event.activityId(), event.type(), event.title(), completedOn, audience), byCountry);
        proposals.open(proposal);
    }
}
