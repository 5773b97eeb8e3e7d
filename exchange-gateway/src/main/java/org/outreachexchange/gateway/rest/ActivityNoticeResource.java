package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.JsonBodies;
import org.outreachexchange.edge.Params;
import org.outreachexchange.gateway.service.AcknowledgementRequest;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.UUID;

@Path("/activities/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Advance-notice status and partners' acknowledgements")
public class ActivityNoticeResource {

    private final ScheduleService schedule;
    private final CurrentAgency agency;
    private final ObjectMapper json;
    private final JsonBodies bodies;

    ActivityNoticeResource(ScheduleService schedule, CurrentAgency agency, ObjectMapper json, JsonBodies bodies) {
        this.schedule = schedule;
        this.agency = agency;
        this.json = json;
        this.bodies = bodies;
    }

    @GET
    @Path("/notice")
    @Operation(summary = "The activity's notice status, the notices raised and the acknowledgements "
            + "(the organizer sees all of them, a partner its own)")
    public Views.NoticeFileView notice(@PathParam("id") String id) {
        ScheduleService.NoticeFile file = schedule.noticeFile(agency.government(), Params.id("activity", id));
        return new Views.NoticeFileView(file.activity().id, file.activity().organizer, file.activity().version,
                Views.NoticeStatus.of(file.activity(), file.withheld()),
                file.notices().stream().map(n -> Views.tree(json, n.payload)).toList(),
                file.acknowledgements().stream().map(Views.AcknowledgementView::of).toList());
    }

    @POST
    @Path("/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A partner concurs with the notice or raises a concern; a later acknowledgement replaces the earlier "
            + "one. Needs the planner or coordinator role (403); the body is read only after the activity was found to be "
            + "shared with the caller")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementRequest.class)))
    public Views.AcknowledgementView acknowledge(@PathParam("id") String id, String body) {
        UUID activity = Params.id("activity", id);
        schedule.acknowledgeable(agency.identity(), activity);
        AcknowledgementRequest request = bodies.read(body, AcknowledgementRequest.class);
        return Views.AcknowledgementView.of(schedule.acknowledge(agency.identity(), activity, request));
    }
}
