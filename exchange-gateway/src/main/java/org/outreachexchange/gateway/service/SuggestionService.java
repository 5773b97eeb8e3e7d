package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Suggestion;
import org.outreachexchange.gateway.domain.SuggestionKind;
import org.outreachexchange.gateway.domain.SuggestionRepository;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Partners' suggested changes to an activity's agenda or objectives, and the organizer's answers. Who may know of the
 * activity is the schedule's rule ({@link ScheduleService#readable}): whoever may not read it gets 404 on every path.
 * A partner sees its own government's suggestions, the organizer all of them.
 */
@ApplicationScoped
public class SuggestionService {

    private final ScheduleService schedule;
    private final SuggestionRepository suggestions;
    private final RequestValidator requests;
    private final Clock clock;

    SuggestionService(ScheduleService schedule, SuggestionRepository suggestions, RequestValidator requests, Clock clock) {
        this.schedule = schedule;
        this.suggestions = suggestions;
        this.requests = requests;
        this.clock = clock;
    }

    /** The suggestions the caller may see, oldest first; 404 for an activity it may not read. */
    public List<Suggestion> list(String caller, UUID activityId) {
        Activity activity = schedule.readable(caller, activityId);
        boolean organizer = activity.organizer.equals(caller);
        return suggestions.forActivity(activityId).stream().filter(s -> organizer || s.government.equals(caller)).toList();
    }

    /**
     * Whether the caller may suggest, checked before the body is read: a planner or coordinator (403), of a partner
     * that may read the activity (404), not its organizer (403: the organizer revises its activity itself).
     */
    public Activity suggestable(AgencyIdentity caller, UUID activityId) {
        requirePlannerOrCoordinator(caller, "suggest changes to partners' activities");
        Activity activity = schedule.readable(caller.government(), activityId);
        if (activity.organizer.equals(caller.government())) {
            throw new AgencyForbiddenException("the organizer changes its own activity through its scheduling-service");
        }
        return activity;
    }

    @Transactional
    public Suggestion suggest(AgencyIdentity caller, UUID activityId, SuggestionRequest request) {
        suggestable(caller, activityId);
        boolean objectiveWithoutElement = request != null && request.kind() == SuggestionKind.OBJECTIVE
                && (request.element() == null || request.element().isBlank());
        requests.require(request, objectiveWithoutElement
                ? List.of(new FieldError("element", "required", "is required for an objective: the element it serves"))
                : List.of());
        Suggestion suggestion = Suggestion.of(activityId, caller.government(), caller.agency(), request.kind(),
                request.text().strip(), request.element(), request.reason(), clock.instant());
        suggestions.persist(suggestion);
        return suggestion;
    }

    /**
     * Whether the caller may answer, checked before the body is read: a planner or coordinator (403) of the
     * organizer's government (403 for partners; 404 for whoever may not read the activity), and a suggestion of this
     * activity (404).
     */
    public Suggestion answerable(AgencyIdentity caller, UUID activityId, UUID suggestionId) {
        requirePlannerOrCoordinator(caller, "answer partners' suggestions");
        Activity activity = schedule.readable(caller.government(), activityId);
        if (!activity.organizer.equals(caller.government())) {
            throw new AgencyForbiddenException("only the organizer's government answers suggestions for its activity");
        }
        return suggestions.findByIdOptional(suggestionId).filter(s -> s.activityId.equals(activityId))
                .orElseThrow(() -> ProblemException.notFound("no suggestion " + suggestionId + " for activity " + activityId));
    }

    @Transactional
    public Suggestion answer(AgencyIdentity caller, UUID activityId, UUID suggestionId, SuggestionAnswer answer) {
        answerable(caller, activityId, suggestionId);
        Suggestion suggestion = suggestions.lockOfActivity(activityId, suggestionId)
                .orElseThrow(() -> ProblemException.notFound("no suggestion " + suggestionId + " for activity " + activityId));
        if (!suggestion.open()) {
            throw ProblemException.conflict("suggestion " + suggestionId + " was already answered: " + suggestion.status);
        }
        requests.require(answer, List.of());
        suggestion.answer(answer.decision() == SuggestionAnswer.Decision.ACCEPT, caller.agency(), answer.comment(), clock.instant());
        return suggestion;
    }

    private static void requirePlannerOrCoordinator(AgencyIdentity caller, String what) {
        if (!caller.has(Role.PLANNER) && !caller.has(Role.COORDINATOR)) {
            throw new AgencyForbiddenException("agency " + caller.agency() + " of " + caller.government()
                    + " has neither the planner nor the coordinator role, which " + what);
        }
    }
}
