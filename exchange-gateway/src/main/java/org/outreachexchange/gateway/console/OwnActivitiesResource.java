package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.domain.Suggestion;
import org.outreachexchange.gateway.domain.SuggestionKind;
import org.outreachexchange.gateway.domain.SuggestionStatus;
import org.outreachexchange.gateway.service.SuggestionService;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The officer's own government's activities, through its own scheduling-service ({@link SchedulingApi}) with the
 * officer's token: plan, revise (a stale version shows what changed and lets the officer reapply), narrow a month to
 * dates, complete with findings, cancel. The service's field errors are shown beside the fields.
 */
@Path("/console/own")
@PublicEndpoint
@Produces(MediaType.TEXT_HTML)
public class OwnActivitiesResource {

    private final Template list;
    private final Template plan;
    private final Template detail;
    private final Template notFound;
    private final ConsoleSession session;
    private final SchedulingApi scheduling;
    private final SuggestionService suggestions;

    OwnActivitiesResource(@Location("console/own") Template list, @Location("console/own-plan") Template plan,
                          @Location("console/own-activity") Template detail, @Location("console/not-found") Template notFound,
                          ConsoleSession session, SchedulingApi scheduling, SuggestionService suggestions) {
        this.list = list;
        this.plan = plan;
        this.detail = detail;
        this.notFound = notFound;
        this.session = session;
        this.scheduling = scheduling;
        this.suggestions = suggestions;
    }

    @GET
    public Response activities() {
        session.require();
        try {
            List<OwnItem> activities = scheduling.list(session.government(), session.bearer()).stream().map(OwnItem::of).toList();
            return ok(list.data("activities", activities).data("problem", null).data("mayPlan", mayPlan()));
        } catch (UpstreamProblem e) {
            return Response.status(e.problem().status()).entity(session.page(list.data("activities", List.of())
                    .data("problem", e.problem()).data("mayPlan", false))).build();
        }
    }

    @GET
    @Path("/new")
    public Response planForm() {
        session.require();
        Map<String, String> form = new LinkedHashMap<>(Map.of("schedule.precision", "MONTH", "status", "PLANNED",
                "distribution.scope", "ALL_PARTNERS", "idempotencyKey", UUID.randomUUID().toString()));
        form.putAll(session.draft());
        return ok(planPage(form, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planActivity(MultivaluedMap<String, String> posted) {
        session.requireForm(posted);
        Map<String, String> form = single(posted);
        String key = Optional.ofNullable(form.get("idempotencyKey")).filter(k -> k.matches("[0-9a-f-]{36}"))
                .orElse(UUID.randomUUID().toString());
        form.put("idempotencyKey", key);
        SchedulingApi.Answer answer = call(() -> scheduling.plan(session.government(), session.bearer(),
                ActivityForm.activityBody(form), "console-" + key));
        if (answer.ok()) {
            return seeOther("/console/own/" + scheduling.read(answer.body()).path("id").asText());
        }
        return Response.status(answer.status()).entity(planPage(form, scheduling.problem(answer))).build();
    }

    /** One own activity with its forms; {@code suggestion}: an accepted suggestion to apply, prefilled in the revision. */
    @GET
    @Path("/{id}")
    public Response activity(@PathParam("id") String id, @QueryParam("suggestion") String suggestion,
                             @QueryParam("saved") String saved) {
        session.require();
        Optional<UUID> activityId = uuid(id);
        if (activityId.isEmpty()) {
            return notFound();
        }
        SchedulingApi.Answer answer = call(() -> scheduling.get(session.government(), session.bearer(), activityId.get()));
        if (!answer.ok()) {
            return answer.status() == 404 || answer.status() == 403 ? notFound()
                    : Response.status(answer.status()).entity(session.page(list.data("activities", List.of())
                    .data("problem", scheduling.problem(answer)).data("mayPlan", false))).build();
        }
        JsonNode activity = scheduling.read(answer.body());
        Map<String, String> form = ActivityForm.values(activity);
        Optional<Suggestion> applying = uuid(suggestion).flatMap(s -> accepted(activityId.get(), s));
        applying.ifPresent(s -> apply(s, form));
        form.putAll(session.draft());
        return ok(detailPage(activity, form, Map.of(), null, null, List.of(), applying.orElse(null))
                .data("saved", saved != null && List.of("revision", "completion", "cancellation").contains(saved) ? saved : null));
    }

    @POST
    @Path("/{id}/revision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        return change(id, posted, "revision", "revise", (activity, form) -> scheduling.revise(session.government(),
                session.bearer(), activity, form.get("version"), ActivityForm.activityBody(form)));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        return change(id, posted, "completion", "complete", (activity, form) -> scheduling.complete(session.government(),
                session.bearer(), activity, form.get("version"), ActivityForm.completionBody(form)));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        return change(id, posted, "cancellation", "cancel", (activity, form) -> scheduling.cancel(session.government(),
                session.bearer(), activity, form.get("version"), form.get("reason")));
    }

    /** Sends one change of an own activity; on success back to its page, else the page with the service's problem. */
    private Response change(String id, MultivaluedMap<String, String> posted, String saved, String formName,
                            java.util.function.BiFunction<UUID, Map<String, String>, SchedulingApi.Answer> send) {
        session.requireForm(posted);
        Optional<UUID> activityId = uuid(id);
        if (activityId.isEmpty()) {
            return notFound();
        }
        Map<String, String> form = single(posted);
        SchedulingApi.Answer answer = call(() -> send.apply(activityId.get(), form));
        if (answer.ok()) {
            return seeOther("/console/own/" + activityId.get() + "?saved=" + saved);
        }
        return refused(activityId.get(), answer, form, formName);
    }

    /**
     * The page again with the service's problem beside the fields of the form that was sent. A stale version (412)
     * shows what changed since the officer opened it, keeps what the officer typed, and takes the current version, so
     * sending the form again reapplies the officer's change onto it.
     */
    private Response refused(UUID id, SchedulingApi.Answer answer, Map<String, String> typed, String formName) {
        SchedulingApi.Answer current = call(() -> scheduling.get(session.government(), session.bearer(), id));
        if (!current.ok()) {
            return current.status() == 404 || current.status() == 403 ? notFound()
                    : Response.status(current.status()).entity(session.page(list.data("activities", List.of())
                    .data("problem", scheduling.problem(current)).data("mayPlan", false))).build();
        }
        JsonNode activity = scheduling.read(current.body());
        Map<String, String> currentValues = ActivityForm.values(activity);
        List<ActivityForm.Difference> differences = List.of();
        Map<String, String> revision = "revise".equals(formName) ? new LinkedHashMap<>(typed) : currentValues;
        if (answer.status() == 412 && "revise".equals(formName)) {
            differences = ActivityForm.differences(typed, currentValues);
            revision.put("version", currentValues.get("version"));
        }
        Map<String, String> other = "revise".equals(formName) ? Map.of() : typed;
        return Response.status(answer.status()).entity(detailPage(activity, revision, other, formName,
                scheduling.problem(answer), differences, null)).build();
    }

    private TemplateInstance planPage(Map<String, String> form, ProblemView problem) {
        return session.page(plan.data("form", form).data("problem", problem)
                .data("objectiveRows", ActivityForm.objectiveRows(form))
                .data("types", List.of(ActivityType.values())).data("elements", ActivityResource.ELEMENTS));
    }

    private TemplateInstance detailPage(JsonNode activity, Map<String, String> revision, Map<String, String> other,
                                        String formName, ProblemView problem, List<ActivityForm.Difference> differences,
                                        Suggestion applying) {
        String status = activity.path("status").asText();
        boolean open = "PLANNED".equals(status) || "PROPOSED".equals(status);
        return session.page(detail.data("activity", OwnItem.of(activity)).data("form", revision).data("other", other)
                .data("formName", formName).data("problem", problem).data("differences", differences)
                .data("reviseProblem", "revise".equals(formName) ? problem : null)
                .data("completeProblem", "complete".equals(formName) ? problem : null)
                .data("cancelProblem", "cancel".equals(formName) ? problem : null)
                .data("assessments", List.of("SUFFICIENT", "INSUFFICIENT", "UNCERTAIN"))
                .data("applying", applying)
                .data("open", open)
                .data("completable", "PLANNED".equals(status) && "DATES".equals(revision.get("schedule.precision")))
                .data("monthOnly", "MONTH".equals(ActivityForm.values(activity).get("schedule.precision")))
                .data("objectiveRows", ActivityForm.objectiveRows(revision))
                .data("findingRows", ActivityForm.findingRows(other))
                .data("recipients", ActivityForm.values(activity).get("recipients").split(",\\s*"))
                .data("types", List.of(ActivityType.values())).data("elements", ActivityResource.ELEMENTS)
                .data("saved", null));
    }

    /** An accepted suggestion of the officer's government's activity. */
    private Optional<Suggestion> accepted(UUID activity, UUID suggestion) {
        try {
            return suggestions.list(session.government(), activity).stream()
                    .filter(s -> s.id.equals(suggestion) && s.status == SuggestionStatus.ACCEPTED).findFirst();
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** The suggestion added to the revision's values: an agenda item at the end, or an objective in a new row. */
    private static void apply(Suggestion suggestion, Map<String, String> form) {
        if (suggestion.kind == SuggestionKind.AGENDA_ITEM) {
            String agenda = form.getOrDefault("agenda", "");
            form.put("agenda", agenda.isBlank() ? suggestion.text : agenda + "\n" + suggestion.text);
        } else {
            int row = ActivityForm.objectiveRows(form).size() - 1;
            form.put("objectives[" + row + "].element", suggestion.element);
            form.put("objectives[" + row + "].text", suggestion.text);
        }
    }

    private boolean mayPlan() {
        return session.hasRole("planner") || session.hasRole("coordinator");
    }

    private SchedulingApi.Answer call(java.util.function.Supplier<SchedulingApi.Answer> call) {
        try {
            return call.get();
        } catch (UpstreamProblem e) {
            return new SchedulingApi.Answer(e.problem().status(), "{\"title\":\"" + e.problem().title() + "\",\"detail\":"
                    + quote(e.problem().detail()) + "}", Optional.empty());
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Response ok(TemplateInstance page) {
        return Response.ok(session.page(page)).build();
    }

    private Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(session.page(notFound.instance())).build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static Map<String, String> single(MultivaluedMap<String, String> posted) {
        Map<String, String> form = new LinkedHashMap<>();
        posted.forEach((name, values) -> {
            if (!ConsoleSession.FORM_TOKEN.equals(name)) {
                form.put(name, values.isEmpty() ? "" : values.get(0));
            }
        });
        return form;
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
