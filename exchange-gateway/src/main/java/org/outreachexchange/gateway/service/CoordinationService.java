package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.config.NoticePolicyConfig;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.Advisory;
import org.outreachexchange.gateway.domain.AdvisoryRepository;
import org.outreachexchange.gateway.domain.Evaluation;
import org.outreachexchange.gateway.domain.EvaluationRepository;
import org.outreachexchange.gateway.domain.NoticeKind;
import org.outreachexchange.gateway.messaging.CountryReevaluated;
import org.outreachexchange.gateway.messaging.NoticeIssued;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Coordination checks. They advise organizers and never block: overlapping activities of different governments for
 * the same recipient, and activity types that the recipient's latest recommendation assigns to other partners.
 */
@ApplicationScoped
public class CoordinationService {

    private static final TypeReference<List<CountryReevaluated.Tool>> TOOLS = new TypeReference<>() {
    };

    private final ActivityRepository activities;
    private final AdvisoryRepository advisories;
    private final EvaluationRepository evaluations;
    private final NoticePublisher publisher;
    private final NoticePolicyConfig policy;
    private final ObjectMapper json;
    private final Clock clock;

    CoordinationService(ActivityRepository activities, AdvisoryRepository advisories, EvaluationRepository evaluations,
                        NoticePublisher publisher, NoticePolicyConfig policy, ObjectMapper json, Clock clock) {
        this.activities = activities;
        this.advisories = advisories;
        this.evaluations = evaluations;
        this.publisher = publisher;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    /** Runs inside the transaction that applied the activity's event. */
    public void check(Activity activity) {
        if (!activity.live() || activity.startDate == null) {
            return;
        }
        List<Advice> advice = new ArrayList<>();
        int window = policy.overlapWindowDays();
        for (Activity other : activities.liveOfOtherOrganizersBetween(activity.organizer,
                activity.startDate.minusDays(window), activity.endDate.plusDays(window), activity.recipients)) {
            Optional<String> recipient = activity.recipients.stream().filter(other.recipients::contains).findFirst();
            if (recipient.isEmpty()) {
                continue;
            }
            // An organizer is told about the other activity only if the other activity is shared with it.
            if (other.visibleTo(activity.organizer)) {
                advice.add(overlap(activity, other, recipient.get()));
            }
            if (activity.visibleTo(other.organizer)) {
                advice.add(overlap(other, activity, recipient.get()));
            }
        }
        for (String recipient : activity.recipients) {
            evaluations.findByIdOptional(recipient).ifPresent(evaluation -> roleAlignment(activity, recipient, evaluation, advice));
        }
        advise(advice);
    }

    /** A new recommendation for {@code country} may put live activities for it out of line with the role-sharing. */
    public void recheckRoles(Evaluation evaluation) {
        List<Advice> advice = new ArrayList<>();
        for (Activity activity : activities.liveFor(evaluation.country)) {
            roleAlignment(activity, evaluation.country, evaluation, advice);
        }
        advise(advice);
    }

    /** An advisory about {@code own}, and the organizer of the other activity it names, if any. */
    private record Advice(Advisory advisory, Activity own, String otherOrganizer) {
    }

    private Advice overlap(Activity own, Activity other, String recipient) {
        return new Advice(Advisory.overlap(own, other, recipient, policy.overlapWindowDays(), clock.instant()), own, other.organizer);
    }

    private void roleAlignment(Activity activity, String recipient, Evaluation evaluation, List<Advice> advice) {
        for (CountryReevaluated.Tool tool : tools(evaluation)) {
            List<String> leads = tool.leads() == null ? List.of() : tool.leads();
            if (tool.tool().equals(activity.type) && !leads.isEmpty() && !leads.contains(activity.organizer)) {
                advice.add(new Advice(Advisory.roleAlignment(activity, recipient, evaluation.category, leads, clock.instant()), activity, null));
            }
        }
    }

    /**
     * Raises each advisory, in order, unless one with its dedup key exists or came earlier in the list. The keys are
     * looked up together: a look-up per advisory flushed the session each time, over a third of an event's time in a
     * rebuild.
     */
    private void advise(List<Advice> advice) {
        if (advice.isEmpty()) {
            return;
        }
        Set<String> raised = advisories.existing(advice.stream().map(a -> a.advisory().dedupKey).toList());
        for (Advice a : advice) {
            Advisory advisory = a.advisory();
            if (!raised.add(advisory.dedupKey)) {
                continue;
            }
            advisories.persist(advisory);
            publisher.publish(a.own(), NoticeKind.ADVISORY, a.own().organizer, List.of(), List.of(), new NoticeIssued.Advice(advisory.kind,
                    advisory.recipient, advisory.otherActivityId, a.otherOrganizer(), List.copyOf(advisory.leads), advisory.message),
                    advisory.createdAt);
        }
    }

    private List<CountryReevaluated.Tool> tools(Evaluation evaluation) {
        try {
            return json.readValue(evaluation.tools, TOOLS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
