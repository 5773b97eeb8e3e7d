package org.outreachexchange.gateway.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.JsonBodies;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.service.EventStreams;
import org.outreachexchange.gateway.service.FeedService;
import org.outreachexchange.gateway.service.SubscriptionOptions;
import org.outreachexchange.gateway.service.SubscriptionRequest;
import org.outreachexchange.gateway.service.SubscriptionService;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "An agency's subscriptions, their deliveries, dead letters and event streams; "
        + "each belongs to the agency that created it and its government's coordinator, and is 404 to everyone else")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final EventStreams streams;
    private final FeedService feeds;
    private final CurrentAgency agency;
    private final JsonBodies bodies;

    SubscriptionResource(SubscriptionService subscriptions, EventStreams streams, FeedService feeds, CurrentAgency agency,
                         JsonBodies bodies) {
        this.subscriptions = subscriptions;
        this.streams = streams;
        this.feeds = feeds;
        this.agency = agency;
        this.bodies = bodies;
    }

    @GET
    @Path("options")
    @Operation(summary = "What may be subscribed to: kinds with the channels that carry them and the filters that select"
            + " them, channels, each filter's allowed values (governments: the current partners), pattern and size")
    public SubscriptionOptions options() {
        return subscriptions.options();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe for the caller's government (any agency; 409 past the government's cap); the webhook "
            + "secret is returned once, in this answer only")
    public Response create(SubscriptionRequest body, @Context UriInfo uri) {
        Subscription created = subscriptions.create(agency.identity(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(view(created, uri, true)).build();
    }

    @GET
    @Operation(summary = "The subscriptions the caller's agency created (a coordinator: all its government's), oldest first, "
            + "paged with limit and after; Link rel=next names the next page")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Views.SubscriptionView.class)))
    public Response list(@Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                         @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
                         @Context UriInfo uri) {
        Params.All params = new Params.All();
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Optional<Keyset.ByTime> position = params.take(() -> Cursors.byTime(after));
        params.requireNone();
        return Cursors.page(subscriptions.list(agency.identity(), position, size + 1), size,
                s -> Cursors.of(new Keyset.ByTime(s.createdAt, s.id)), s -> view(s, uri, false), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription (404 unless the caller's agency created it or coordinates its government)")
    public Views.SubscriptionView get(@PathParam("id") String id, @Context UriInfo uri) {
        return view(subscriptions.owned(agency.identity(), Params.id("subscription", id)), uri, false);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change URL, filters or active flag (re-enables a subscription disabled by 410); the body is read "
            + "only after the subscription was found to be the caller's")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionRequest.class)))
    public Views.SubscriptionView update(@PathParam("id") String id, String body, @Context UriInfo uri) {
        UUID subscription = Params.id("subscription", id);
        subscriptions.owned(agency.identity(), subscription);
        SubscriptionRequest request = bodies.read(body, SubscriptionRequest.class);
        return view(subscriptions.update(agency.identity(), subscription, request), uri, false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(agency.identity(), Params.id("subscription", id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log: every webhook delivery with its attempts, newest first, paged with limit and after")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Views.DeliveryView.class)))
    public Response deliveries(@PathParam("id") String id,
                               @Parameter(description = "PENDING, DELIVERED or DEAD") @QueryParam("status") String status,
                               @Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                               @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
                               @Context UriInfo uri) {
        return deliveryPage(id, params -> params.take(() -> Params.enumValue("status", status, DeliveryStatus.class)), limit, after, uri);
    }

    @GET
    @Path("/{id}/dead-letters")
    @Operation(summary = "Deliveries that exhausted their attempts or were stopped by 410, newest first, paged with limit and after")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Views.DeliveryView.class)))
    public Response deadLetters(@PathParam("id") String id,
                                @Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                                @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
                                @Context UriInfo uri) {
        return deliveryPage(id, params -> Optional.of(DeliveryStatus.DEAD), limit, after, uri);
    }

    /** The subscription is found to be the caller's before any parameter is judged. */
    private Response deliveryPage(String id, Function<Params.All, Optional<DeliveryStatus>> status, String limit, String after,
                                  UriInfo uri) {
        UUID subscription = Params.id("subscription", id);
        subscriptions.owned(agency.identity(), subscription);
        Params.All params = new Params.All();
        Optional<DeliveryStatus> only = status.apply(params);
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Optional<Long> position = params.take(() -> Cursors.number(after));
        params.requireNone();
        List<SubscriptionService.DeliveryLog> page = subscriptions.deliveries(agency.identity(), subscription, only, position, size + 1);
        return Cursors.page(page, size, l -> Cursors.of(l.delivery().feedEntryId), Views.DeliveryView::of, uri);
    }

    @POST
    @Path("/{id}/dead-letters/{deliveryId}/replay")
    @Operation(summary = "Send a dead letter again, with its original webhook-id")
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID subscription = Params.id("subscription", id);
        subscriptions.owned(agency.identity(), subscription);
        subscriptions.replay(agency.identity(), subscription, Params.id("delivery", deliveryId));
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-Sent Events of the subscription's feed; send Last-Event-ID to resume after a disconnect. "
            + "The stream ends when the token that opened it expires; 429 past the open-stream caps")
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        AgencyIdentity caller = agency.identity();
        Subscription subscription = subscriptions.streamed(caller, Params.id("subscription", id));
        long lastId = lastEventId(lastEventId);
        subscriptions.requireInStream(subscription.id, lastId);
        return streams.follow(subscription, lastId, caller.expiresAt()).map(entry -> event(sse, entry));
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
