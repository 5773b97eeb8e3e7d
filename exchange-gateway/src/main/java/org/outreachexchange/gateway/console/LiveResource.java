package org.outreachexchange.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live notifications for the signed-in officer's government, as Server-Sent Events of HTML the layout shows in its
 * live area (htmx's SSE extension): partners' new and revised activities it may see, notices to it, re-evaluations.
 * The stream ends when the session does; the browser then reconnects and, without a session, gets nothing.
 */
@Path("/console/live")
@PublicEndpoint
public class LiveResource {

    /** How often the stream looks for news. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ConsoleSession session;
    private final ConsoleLive live;
    private final Template toast;

    LiveResource(ConsoleSession session, ConsoleLive live, @Location("console/toast") Template toast) {
        this.session = session;
        this.live = live;
        this.toast = toast;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        session.require();
        String government = session.government();
        Locale locale = session.locale();
        Duration left = Duration.between(Clock.systemUTC().instant(), session.identity().expiresAt());
        AtomicReference<ConsoleLive.Cursor> cursor = new AtomicReference<>(live.start());
        return Multi.createFrom().ticks().every(INTERVAL)
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(() -> {
                    ConsoleLive.Poll poll = live.poll(government, cursor.get());
                    cursor.set(poll.cursor());
                    return poll.notifications();
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().transformToIterable(notifications -> notifications)
                .map(n -> sse.newEventBuilder().name("notification")
                        .data(toast.data("n", n).setAttribute(TemplateInstance.LOCALE, locale).render().replace("\n", " "))
                        .build())
                .select().first(left.isNegative() ? Duration.ZERO : left);
    }

}
