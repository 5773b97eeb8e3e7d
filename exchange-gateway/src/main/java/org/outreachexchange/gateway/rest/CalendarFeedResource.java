package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.gateway.service.CalendarFeedService;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

/** Calendar clients cannot send bearer tokens; the unguessable link of an ICAL subscription is the authorisation. */
@Path("/feeds")
@PublicEndpoint
@Tag(name = "Feeds", description = "iCalendar feeds of ICAL subscriptions")
public class CalendarFeedResource {

    private final CalendarFeedService calendars;

    CalendarFeedResource(CalendarFeedService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/{token}.ics")
    @Produces("text/calendar; charset=utf-8")
    @Operation(summary = "RFC 5545 calendar of the schedules the subscription may see")
    public String feed(@PathParam("token") String token) {
        return calendars.calendar(token);
    }
}
