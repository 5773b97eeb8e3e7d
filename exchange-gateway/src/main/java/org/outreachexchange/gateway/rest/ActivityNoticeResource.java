package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.gateway.domain.Verdict;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.UUID;

@Path("/activities/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Advance-notice status and partners' acknowledgements")
public class ActivityNoticeResource {

    /** CONCERN requires a comment. */
    public record AcknowledgementBody(@NotNull Verdict verdict, @Size(max = 4000) String comment) {
    }

    private final ScheduleService schedule;
    private final CurrentAgency agency;
    private final ObjectMapper json;

    ActivityNoticeResource(ScheduleService schedule, CurrentAgency agency, ObjectMapper json) {
        this.schedule = schedule;
        this.agency = agency;
        this.json = json;
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
    @Operation(summary = "A partner concurs with the notice or raises a concern; a later acknowledgement replaces the earlier one")
    public Views.AcknowledgementView acknowledge(@PathParam("id") String id, @Valid @NotNull AcknowledgementBody body) {
        UUID activityId = Params.id("activity", id);
        return Views.AcknowledgementView.of(schedule.acknowledge(agency.identity(), activityId, body.verdict(), body.comment()));
    }
}
