package org.outreachexchange.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.PublicEndpoint;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/** The shared calendar: month and list views of every activity the officer's government may see, with filters. */
@Path("/console/calendar")
@PublicEndpoint
@Produces(MediaType.TEXT_HTML)
public class CalendarResource {

    private final Template calendar;
    private final ConsoleSession session;
    private final ConsoleCalendar activities;
    private final TrustedGovernments governments;
    private final Clock clock;

    CalendarResource(@Location("console/calendar") Template calendar, ConsoleSession session, ConsoleCalendar activities,
                     TrustedGovernments governments, Clock clock) {
        this.calendar = calendar;
        this.session = session;
        this.activities = activities;
        this.governments = governments;
        this.clock = clock;
    }

    @GET
    public TemplateInstance calendar(@QueryParam("view") String view, @QueryParam("month") String month,
                                     @QueryParam("government") String government, @QueryParam("recipient") String recipient,
                                     @QueryParam("type") String type, @QueryParam("status") String status,
                                     @QueryParam("compliance") String compliance) {
        session.require();
        CalendarQuery query = CalendarQuery.of(view, month, government, recipient, type, status, compliance,
                YearMonth.now(clock));
        List<CalendarItem> items = activities.items(session.government(), query);
        return session.page(calendar.data("query", query)
                .data("items", items)
                .data("weeks", query.monthView() ? activities.weeks(query.month(), items) : List.of())
                .data("governments", List.copyOf(governments.governments()))
                .data("types", List.of(ActivityType.values()))
                .data("statuses", List.of(ActivityStatus.values()))
                .data("compliances", List.of(ScheduleService.Compliance.values()))
                .data("previousMonth", query.month().minusMonths(1))
                .data("nextMonth", query.month().plusMonths(1)));
    }
}
