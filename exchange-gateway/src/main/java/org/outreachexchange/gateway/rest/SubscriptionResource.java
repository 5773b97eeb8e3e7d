package org.outreachexchange.gateway.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.service.FeedService;
import org.outreachexchange.gateway.service.SubscriptionRequest;
import org.outreachexchange.gateway.service.SubscriptionService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "A government's subscriptions, their deliveries, dead letters and event streams")
public class SubscriptionResource {

    private static final int SSE_BATCH = 100;

    private final SubscriptionService subscriptions;
    private final FeedService feeds;
    private final CurrentAgency agency;
    private final DeliveryConfig config;

    SubscriptionResource(SubscriptionService subscriptions, FeedService feeds, CurrentAgency agency, DeliveryConfig config) {
        this.subscriptions = subscriptions;
        this.feeds = feeds;
        this.agency = agency;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe; the webhook secret is returned once, in this answer only")
    public Response create(SubscriptionRequest body, @Context UriInfo uri) {
        Subscription created = subscriptions.create(agency.identity(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(view(created, uri, true)).build();
    }

    @GET
    @Operation(summary = "The caller's government's subscriptions")
    public List<Views.SubscriptionView> list(@Context UriInfo uri) {
        return subscriptions.list(agency.government()).stream().map(s -> view(s, uri, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription (403 for another government's)")
    public Views.SubscriptionView get(@PathParam("id") String id, @Context UriInfo uri) {
        return view(subscriptions.get(agency.government(), Params.id("subscription", id)), uri, false);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change URL, filters or active flag (re-enables a subscription disabled by 410)")
    public Views.SubscriptionView update(@PathParam("id") String id, SubscriptionRequest body, @Context UriInfo uri) {
        return view(subscriptions.update(agency.government(), Params.id("subscription", id), body), uri, false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(agency.government(), Params.id("subscription", id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log: every webhook delivery with its attempts, newest first")
    public List<Views.DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status) {
        DeliveryStatus filter = Params.enumValue("status", status, DeliveryStatus.class).orElse(null);
        return subscriptions.deliveries(agency.government(), Params.id("subscription", id), filter).stream()
                .map(Views.DeliveryView::of).toList();
    }

    @GET
    @Path("/{id}/dead-letters")
    @Operation(summary = "Deliveries that exhausted their attempts or were stopped by 410")
    public List<Views.DeliveryView> deadLetters(@PathParam("id") String id) {
        return subscriptions.deliveries(agency.government(), Params.id("subscription", id), DeliveryStatus.DEAD).stream()
                .map(Views.DeliveryView::of).toList();
    }

    @POST
    @Path("/{id}/dead-letters/{deliveryId}/replay")
    @Operation(summary = "Send a dead letter again, with its original webhook-id")
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        subscriptions.replay(agency.government(), Params.id("subscription", id), Params.id("delivery", deliveryId));
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-Sent Events of the subscription's feed; send Last-Event-ID to resume after a disconnect")
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        Subscription subscription = subscriptions.get(agency.government(), Params.id("subscription", id));
        if (subscription.channel != DeliveryChannel.SSE) {
            throw ProblemException.conflict("subscription " + id + " delivers by " + subscription.channel + ", not SSE");
        }
        UUID subscriptionId = subscription.id;
        AtomicLong cursor = new AtomicLong(lastEventId(lastEventId));
        subscriptions.requireInStream(subscriptionId, cursor.get());
        // Entries are persisted, so the stream follows the feed table from the entry the client saw last.
        return Multi.createFrom().ticks().every(config.ssePollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> Multi.createFrom().iterable(QuarkusTransaction.requiringNew()
                        .call(() -> subscriptions.entriesAfter(subscriptionId, cursor.get(), SSE_BATCH))))
                .invoke(entry -> cursor.set(entry.id))
                .map(entry -> event(sse, entry));
    }

    private static OutboundSseEvent event(Sse sse, FeedEntry entry) {
        return sse.newEventBuilder().id(entry.id.toString()).name(entry.eventType)
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(entry.payload).build();
    }

    private static long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "event-id", "must be an event id received from this stream");
        }
    }

    private Views.SubscriptionView view(Subscription s, UriInfo uri, boolean withSecret) {
        String feedUrl = s.feedToken == null ? null : uri.getBaseUriBuilder().path("feeds").path(s.feedToken + ".ics").build().toString();
        String eventsUrl = s.channel == DeliveryChannel.SSE
                ? uri.getBaseUriBuilder().path("subscriptions").path(s.id.toString()).path("events").build().toString() : null;
        return new Views.SubscriptionView(s.id, s.government, s.agency, s.kind, s.channel, s.url, feeds.filters(s), s.active,
                s.disabledReason, s.createdAt, withSecret ? s.secret : null, feedUrl, eventsUrl);
    }
}
