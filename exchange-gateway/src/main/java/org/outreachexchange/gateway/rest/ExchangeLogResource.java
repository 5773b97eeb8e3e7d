package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.service.ExchangeLogService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Path("/exchange-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange log", description = "Every government's sealed activity events, for offline verification")
public class ExchangeLogResource {

    /**
     * One sealed event. {@code redacted} entries (events the caller may not see) carry {@code contentDigest} instead
     * of the event's id, type, source, subject, key and data.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(String government, long sequence, String previous, String signature, Instant appendedAt,
                     boolean redacted, String contentDigest, String eventId, String type, String source, String subject,
                     String key, String data) {
    }

    /**
     * {@code next}, when present, is the {@code after} of the following page, which the {@code Link: rel="next"}
     * header also names (the body keeps {@code next} for the identity CLI's {@code fetch-log}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageView(List<EntryView> entries, String next) {
    }

    private final ExchangeLogService log;
    private final CurrentAgency agency;

    ExchangeLogResource(ExchangeLogService log, CurrentAgency agency) {
        this.log = log;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "The exchange log, by government then sequence: each event with its seal (sequence, link to "
            + "the previous event, signature by the government's event key); events not shared with the caller appear "
            + "as their content digest only. Verify an export with the identity CLI's verify-log.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PageView.class)))
    public Response page(
            @Parameter(description = "Only this government's chain, e.g. JP") @QueryParam("government") String government,
            @Parameter(description = "The next value of the previous page (also in its Link)") @QueryParam("after") String after,
            @Parameter(description = "Entries per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Params.All params = new Params.All();
        Optional<String> chain = params.take(() -> Params.code("government", government, "[A-Z]{2,3}", "JP"));
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Optional<ExchangeLogService.Position> position = params.take(() -> Pages.after(after, 2).map(ExchangeLogResource::position));
        params.requireNone();
        List<ExchangeLogService.Entry> entries = log.page(agency.government(), chain, position, size + 1);
        if (entries.size() <= size) {
            return Response.ok(new PageView(entries.stream().map(ExchangeLogResource::view).toList(), null)).build();
        }
        var last = entries.get(size - 1).entry();
        String next = Pages.cursor(last.government, Long.toString(last.sequence));
        String link = uri.getRequestUriBuilder().replaceQueryParam("after", next).replaceQueryParam("limit", size).build().toString();
        return Response.ok(new PageView(entries.subList(0, size).stream().map(ExchangeLogResource::view).toList(), next))
                .header("Link", "<" + link + ">; rel=\"next\"").build();
    }

    private static ExchangeLogService.Position position(List<String> parts) {
        if (!parts.get(0).matches("[A-Z]{2,3}") || !parts.get(1).matches("[0-9]{1,18}")) {
            throw ProblemException.invalid("after", "cursor", "after is the cursor of a previous page's Link: rel=\"next\"");
        }
        return new ExchangeLogService.Position(parts.get(0), Long.parseLong(parts.get(1)));
    }

    private static EntryView view(ExchangeLogService.Entry e) {
        var row = e.entry();
        var c = e.content();
        return c == null
                ? new EntryView(row.government, row.sequence, row.previous, row.signature, row.appendedAt, true,
                e.contentDigest(), null, null, null, null, null, null)
                : new EntryView(row.government, row.sequence, row.previous, row.signature, row.appendedAt, false, null,
                c.id(), c.type(), c.source(), c.subject(), c.key(), c.data());
    }
}
