package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * One sealed event. {@code redacted} entries (events the caller may not see) carry {@code contentDigest} instead
     * of the event's id, type, source, subject, key and data.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(String government, long sequence, String previous, String signature, Instant appendedAt,
                     boolean redacted, String contentDigest, String eventId, String type, String source, String subject,
                     String key, String data) {
    }

    /** {@code next}, when present, is the {@code after} of the following page. */
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
    public PageView page(
            @Parameter(description = "Only this government's chain, e.g. JP") @QueryParam("government") String government,
            @Parameter(description = "The next value of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Entries per page, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "range", "limit is between 1 and " + MAX_LIMIT);
        }
        ExchangeLogService.Page page = log.page(agency.government(),
                Params.code("government", government, "[A-Z]{2,3}", "JP"),
                Optional.ofNullable(after).filter(a -> !a.isBlank()), size);
        return new PageView(page.entries().stream().map(ExchangeLogResource::view).toList(), page.next().orElse(null));
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
