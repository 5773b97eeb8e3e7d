package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.JsonBodies;
import org.outreachexchange.edge.Params;
import org.outreachexchange.gateway.service.SuggestionAnswer;
import org.outreachexchange.gateway.service.SuggestionRequest;
import org.outreachexchange.gateway.service.SuggestionService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.List;
import java.util.UUID;

@Path("/activities/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions", description = "Partners' suggested changes to an activity's agenda or objectives, answered by its organizer")
public class SuggestionResource {

    private final SuggestionService suggestions;
    private final CurrentAgency agency;
    private final JsonBodies bodies;

    SuggestionResource(SuggestionService suggestions, CurrentAgency agency, JsonBodies bodies) {
        this.suggestions = suggestions;
        this.agency = agency;
        this.bodies = bodies;
    }

    @GET
    @Operation(summary = "The activity's suggestions, oldest first: the organizer sees all, a partner its own government's")
    public List<Views.SuggestionView> list(@PathParam("id") String id) {
        return suggestions.list(agency.government(), Params.id("activity", id)).stream().map(Views.SuggestionView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A partner suggests an agenda item or an objective (OBJECTIVE needs its element). Needs the planner "
            + "or coordinator role (403); the organizer may not (403: it revises its activity itself); the body is read only "
            + "after the activity was found to be shared with the caller")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionRequest.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Views.SuggestionView.class)))
    public Response suggest(@PathParam("id") String id, String body) {
        UUID activity = Params.id("activity", id);
        suggestions.suggestable(agency.identity(), activity);
        SuggestionRequest request = bodies.read(body, SuggestionRequest.class);
        return Response.status(Response.Status.CREATED)
                .entity(Views.SuggestionView.of(suggestions.suggest(agency.identity(), activity, request))).build();
    }

    @POST
    @Path("/{suggestionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The organizer's government accepts or declines a suggestion, once (409 after). Accepting records "
            + "the decision; the organizer applies it by revising the activity through its own scheduling-service. Planner "
            + "or coordinator of the organizer's government (partners 403, whoever may not read the activity 404)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionAnswer.class)))
    public Views.SuggestionView answer(@PathParam("id") String id, @PathParam("suggestionId") String suggestionId, String body) {
        UUID activity = Params.id("activity", id);
        UUID suggestion = Params.id("suggestion", suggestionId);
        suggestions.answerable(agency.identity(), activity, suggestion);
        SuggestionAnswer answer = bodies.read(body, SuggestionAnswer.class);
        return Views.SuggestionView.of(suggestions.answer(agency.identity(), activity, suggestion, answer));
    }
}
