package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.JsonBodies;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.PlainParameters;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.ProblemMapper;
import org.outreachexchange.scheduling.domain.Activity;
import org.outreachexchange.scheduling.domain.ActivityRepository.ListPosition;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.service.ActivityRequest;
import org.outreachexchange.scheduling.service.ActivityService;
import org.outreachexchange.scheduling.service.CancellationRequest;
import org.outreachexchange.scheduling.service.CompletionRequest;
import org.outreachexchange.scheduling.service.ETags;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "The outreach activities of the government this deployment serves")
@APIResponse(responseCode = "400", description = "Invalid input; the problem names each field and rule", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
@APIResponse(responseCode = "401", description = "No or invalid agency token", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
@APIResponse(responseCode = "403", description = "The agency belongs to another government, or lacks the role or ownership the operation needs", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
public class ActivityResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ActivityService service;
    private final JsonBodies bodies;

    ActivityResource(ActivityService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @POST
    @Operation(summary = "Plan an activity", description = "Roles: planner or coordinator. The organizer is the government this deployment serves and the creating agency the caller's. A retried request with the same Idempotency-Key and body returns the activity planned first and plans nothing new.")
    @APIResponse(responseCode = "201", description = "Planned (or planned earlier under the same Idempotency-Key)",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Response plan(@Parameter(description = "Any unique string up to 200 characters; retries reuse it")
                         @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                         @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActivityRequest.class))) String body,
                         @Context UriInfo uri) {
        ActivityService.Planned planned = service.plan(() -> bodies.read(body, ActivityRequest.class), () -> idempotencyKey(idempotencyKey));
        Activity activity = planned.activity();
        return Response.created(uri.getAbsolutePathBuilder().path(activity.id().toString()).build())
                .header("ETag", ETags.of(activity))
                .header("Idempotent-Replayed", planned.replayed() ? "true" : null)
                .entity(ActivityView.of(activity))
                .build();
    }

    @GET
    @Operation(summary = "List activities", description = "Roles: any agency of the government. Every given filter must match; a period matches activities whose schedule overlaps it, and a month-precision schedule covers its whole month. In planning order (as committed), paged: follow Link rel=next.")
    @APIResponse(responseCode = "200", headers = @Header(name = "Link", description = "<...>; rel=\"next\" when more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityView.class)))
    public Response list(@Parameter(description = "ISO 3166-1 alpha-2 code") @QueryParam("recipient") String recipient,
                         @Parameter(schema = @Schema(implementation = ActivityType.class)) @QueryParam("type") String type,
                         @Parameter(schema = @Schema(implementation = ActivityStatus.class)) @QueryParam("status") String status,
                         @Parameter(description = "ISO date; period start, inclusive") @QueryParam("from") String from,
                         @Parameter(description = "ISO date; period end, inclusive") @QueryParam("to") String to,
                         @Parameter(description = "Page size, 1 to " + Pages.MAX_LIMIT + "; " + Pages.DEFAULT_LIMIT + " when omitted") @QueryParam("limit") String limit,
                         @Parameter(description = "The cursor from the previous page's Link rel=next") @QueryParam("after") String after,
                         @Context UriInfo uri) {
        Params.All params = new Params.All();
        Optional<String> country = params.take(() -> Params.code("recipient", text(recipient), "[A-Z]{2}", "MY"));
        country.filter(c -> !COUNTRIES.contains(c)).ifPresent(c -> params.add(new FieldError("recipient", "iso-3166-alpha-2",
                "'" + c + "' is not an ISO 3166-1 alpha-2 country code")));
        Optional<ActivityType> activityType = params.take(() -> Params.enumValue("type", text(type), ActivityType.class));
        Optional<ActivityStatus> activityStatus = params.take(() -> Params.enumValue("status", text(status), ActivityStatus.class));
        Optional<LocalDate> fromDate = params.take(() -> Params.date("from", text(from)));
        Optional<LocalDate> toDate = params.take(() -> Params.date("to", text(to)));
        params.take(() -> {
            Params.period(fromDate, toDate);
            return Optional.empty();
        });
        Optional<Integer> pageSize = params.take(() -> Optional.of(Pages.limit(text(limit))));
        Optional<ListPosition> position = params.take(() -> listPosition(text(after)));
        params.requireNone();
        int size = pageSize.orElseThrow();
        List<Activity> fetched = service.search(country, activityType, activityStatus, fromDate, toDate, position, size + 1);
        Response page = Pages.page(fetched, size, a -> Pages.cursor(Long.toString(a.listPosition()), a.id().toString()), uri);
        @SuppressWarnings("unchecked")
        List<Activity> activities = (List<Activity>) page.getEntity();
        return Response.fromResponse(page).entity(activities.stream().map(ActivityView::of).toList()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an activity", description = "Roles: any agency of the government. The ETag header carries its version for a later If-Match.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Response get(@PathParam("id") String id) {
        return withETag(service.get(Params.id("activity", id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Revise an activity", description = "Roles: planner of the agency that planned it, or coordinator. Replaces what the agency decides (schedule, agenda, objectives...); a month may be narrowed to dates. Requires If-Match with the current ETag.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "409", description = "The activity is completed or cancelled", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Response revise(@PathParam("id") String id,
                           @Parameter(description = "The ETag of the version being revised, e.g. \"3\"", required = true) @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActivityRequest.class))) String body) {
        return withETag(service.revise(Params.id("activity", id), ifMatch, () -> bodies.read(body, ActivityRequest.class)));
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Complete an activity with its results", description = "Roles: planner of the agency that planned it, or coordinator. Only a PLANNED activity with exact dates; findings name recipient countries. If-Match is optional and honoured.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "409", description = "Not a PLANNED activity with exact dates", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Response complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CompletionRequest.class))) String body) {
        return withETag(service.complete(Params.id("activity", id), ifMatch, () -> bodies.read(body, CompletionRequest.class)));
    }

    @POST
    @Path("{id}/cancellation")
    @Operation(summary = "Cancel an activity with a reason", description = "Roles: planner of the agency that planned it, or coordinator. If-Match is optional and honoured.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "409", description = "Already completed or cancelled", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Response cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancellationRequest.class))) String body) {
        return withETag(service.cancel(Params.id("activity", id), ifMatch, () -> bodies.read(body, CancellationRequest.class)));
    }

    private static Response withETag(Activity activity) {
        return Response.ok(ActivityView.of(activity)).header("ETag", ETags.of(activity)).build();
    }

    private static Optional<String> idempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "size", "Idempotency-Key has 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (PlainParameters.hasControlCharacters(key)) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "control-characters", "Idempotency-Key may not hold control characters");
        }
        return Optional.of(key);
    }

    /** The list position an {@code after} cursor names, or 400 naming {@code after}. */
    private static Optional<ListPosition> listPosition(String after) {
        return Pages.after(after, 2, parts -> new ListPosition(Long.parseLong(parts.get(0)), UUID.fromString(parts.get(1))));
    }


    /** A query parameter's text without surrounding spaces (control characters never get here: rest-edge PlainParameters). */
    private static String text(String value) {
        return value == null ? null : value.strip();
    }
}
