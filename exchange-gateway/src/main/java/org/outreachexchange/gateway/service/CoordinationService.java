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
import java.util.List;
import java.util.Optional;

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
        int window = policy.overlapWindowDays();
        for (Activity other : activities.liveOfOtherOrganizersBetween(activity.organizer,
                activity.startDate.minusDays(window), activity.endDate.plusDays(window))) {
            Optional<String> recipient = activity.recipients.stream().filter(other.recipients::contains).findFirst();
            if (recipient.isEmpty()) {
                continue;
            }
            // An organizer is told about the other activity only if the other activity is shared with it.
            if (other.visibleTo(activity.organizer)) {
                overlapAdvisory(activity, other, recipient.get());
            }
            if (activity.visibleTo(other.organizer)) {
                overlapAdvisory(other, activity, recipient.get());
            }
        }
        for (String recipient : activity.recipients) {
            evaluations.findByIdOptional(recipient).ifPresent(evaluation -> roleAlignment(activity, recipient, evaluation));
        }
    }

    /** A new recommendation for {@code country} may put live activities for it out of line with the role-sharing. */
    public void recheckRoles(Evaluation evaluation) {
        for (Activity activity : activities.liveFor(evaluation.country)) {
            roleAlignment(activity, evaluation.country, evaluation);
        }
    }

    private void overlapAdvisory(Activity own, Activity other, String recipient) {
        advise(Advisory.overlap(own, other, recipient, policy.overlapWindowDays(), clock.instant()), own, other.organizer);
    }

    private void roleAlignment(Activity activity, String recipient, Evaluation evaluation) {
        for (CountryReevaluated.Tool tool : tools(evaluation)) {
            List<String> leads = tool.leads() == null ? List.of() : tool.leads();
            if (tool.tool().equals(activity.type) && !leads.isEmpty() && !leads.contains(activity.organizer)) {
                advise(Advisory.roleAlignment(activity, recipient, evaluation.category, leads, clock.instant()), activity, null);
            }
        }
    }

    private void advise(Advisory advisory, Activity own, String otherOrganizer) {
        if (advisories.exists(advisory.dedupKey)) {
            return;
        }
        advisories.persist(advisory);
        publisher.publish(own, NoticeKind.ADVISORY, own.organizer, List.of(), List.of(), new NoticeIssued.Advice(advisory.kind,
                advisory.recipient, advisory.otherActivityId, otherOrganizer, List.copyOf(advisory.leads), advisory.message),
                advisory.createdAt);
    }

    private List<CountryReevaluated.Tool> tools(Evaluation evaluation) {
        try {
            return json.readValue(evaluation.tools, TOOLS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
