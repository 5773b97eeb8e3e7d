package org.outreachexchange.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.domain.SuggestionKind;
import org.outreachexchange.gateway.domain.Verdict;
import org.outreachexchange.gateway.service.AcknowledgementRequest;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.gateway.service.SuggestionAnswer;
import org.outreachexchange.gateway.service.SuggestionRequest;
import org.outreachexchange.gateway.service.SuggestionService;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An activity's page: agenda, objectives, results, the notice timeline, acknowledgements and suggestions; partners
 * acknowledge and suggest there, the organizer answers suggestions. Every action goes through the same service
 * methods, with the same authorization, as the REST API; a refusal is shown on the page beside the form's fields.
 */
@Path("/console/activities/{id}")
@PublicEndpoint
@Produces(MediaType.TEXT_HTML)
public class ActivityResource {

    /** The four elements of export control an objective serves. */
    static final java.util.List<String> ELEMENTS = java.util.List.of("INTENTION", "LAWS_REGULATIONS", "ENFORCEMENT", "INDUSTRY_COOPERATION");

    private final Template page;
    private final Template notFound;
    private final ConsoleSession session;
    private final ActivityPage activities;
    private final ScheduleService schedule;
    private final SuggestionService suggestions;

    ActivityResource(@Location("console/activity") Template page, @Location("console/not-found") Template notFound,
                     ConsoleSession session, ActivityPage activities, ScheduleService schedule, SuggestionService suggestions) {
        this.page = page;
        this.notFound = notFound;
        this.session = session;
        this.activities = activities;
        this.schedule = schedule;
        this.suggestions = suggestions;
    }

    @GET
    public Response show(@PathParam("id") String id) {
        session.require();
        return render(id, null, null, session.draft(), Response.Status.OK);
    }

    @POST
    @Path("/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        session.requireForm(form);
        return act(id, "acknowledge", form, activity -> schedule.acknowledge(session.identity(), activity,
                new AcknowledgementRequest(enumOf(Verdict.class, form.getFirst("verdict")), blankToNull(form.getFirst("comment")))));
    }

    @POST
    @Path("/suggestions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suggest(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        session.requireForm(form);
        return act(id, "suggest", form, activity -> suggestions.suggest(session.identity(), activity, new SuggestionRequest(
                enumOf(SuggestionKind.class, form.getFirst("kind")), form.getFirst("text"), blankToNull(form.getFirst("element")),
                blankToNull(form.getFirst("reason")))));
    }

    @POST
    @Path("/suggestions/{suggestionId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @PathParam("suggestionId") String suggestionId,
                           MultivaluedMap<String, String> form) {
        session.requireForm(form);
        Optional<UUID> suggestion = uuid(suggestionId);
        return act(id, "answer-" + suggestionId, form, activity -> suggestions.answer(session.identity(), activity,
                suggestion.orElseThrow(() -> ProblemException.notFound("no suggestion " + suggestionId)),
                new SuggestionAnswer(enumOf(SuggestionAnswer.Decision.class, form.getFirst("decision")),
                        blankToNull(form.getFirst("comment")))));
    }

    private Response act(String id, String formName, MultivaluedMap<String, String> form, Function<UUID, Object> action) {
        Optional<UUID> activity = uuid(id);
        if (activity.isEmpty()) {
            return notFound();
        }
        try {
            action.apply(activity.get());
            return Response.seeOther(URI.create("/console/activities/" + activity.get())).build();
        } catch (ProblemException | AgencyForbiddenException e) {
            ProblemView problem = ProblemView.of(e);
            if (problem.status() == 404) {
                return notFound();
            }
            Map<String, String> typed = new LinkedHashMap<>();
            form.forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
            return render(id, problem, formName, typed, Response.Status.fromStatusCode(problem.status()));
        }
    }

    private Response render(String id, ProblemView problem, String formName, Map<String, String> typed, Response.Status status) {
        Optional<UUID> activity = uuid(id);
        if (activity.isEmpty()) {
            return notFound();
        }
        ActivityPage.View view;
        try {
            view = activities.view(session.government(), activity.get());
        } catch (ProblemException e) {
            return notFound();
        }
        Map<String, String> values = new LinkedHashMap<>(typed);
        if (formName == null && !view.organizer()) {
            // The acknowledgement form starts from the government's current one, which a new one replaces.
            view.acknowledgements().stream().findFirst().ifPresent(a -> {
                values.putIfAbsent("verdict", a.verdict.name());
                values.putIfAbsent("comment", a.comment == null ? "" : a.comment);
            });
        }
        TemplateInstance html = session.page(page.data("view", view).data("problem", problem).data("formName", formName)
                .data("form", values)
                .data("elements", ELEMENTS)
                .data("mayAnswer", session.hasRole("planner") || session.hasRole("coordinator")));
        return Response.status(status).entity(html).build();
    }

    private Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(session.page(notFound.instance())).build();
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(type == Verdict.class ? "verdict" : type == SuggestionKind.class ? "kind" : "decision",
                    "enum", "choose one of the options");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
