package org.outreachexchange.gateway.console;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriBuilder;
import org.outreachexchange.gateway.console.GatewayJson.Advisory;
import org.outreachexchange.gateway.console.GatewayJson.ComplianceReport;
import org.outreachexchange.gateway.console.GatewayJson.Delivery;
import org.outreachexchange.gateway.console.GatewayJson.Subscription;
import org.outreachexchange.gateway.console.GatewayJson.SubscriptionRequest;

import java.util.List;
import java.util.UUID;

/**
 * The gateway's own REST API, called back on this instance with the officer's token: the console's compliance,
 * advisory and subscription pages go through the very resources (and their authorization) that partners call.
 */
@RequestScoped
public class GatewayApi {

    static final int PAGE = 1000;

    private final UpstreamClient client;
    private final ConsoleSession session;
    private final HttpServer server;

    GatewayApi(UpstreamClient client, ConsoleSession session, HttpServer server) {
        this.client = client;
        this.session = session;
        this.server = server;
    }

    /** Notice outcomes of one government's activities starting in the period, with up to a page of items. */
    public ComplianceReport compliance(String government, String from, String to) {
        return client.get(path("compliance").queryParam("government", government).queryParam("from", from)
                .queryParam("to", to).queryParam("limit", PAGE).build(), session.bearer(), ComplianceReport.class);
    }

    /** Coordination advisories addressed to the officer's government, oldest first. */
    public List<Advisory> advisories() {
        return client.list(path("advisories").queryParam("limit", PAGE).build(), session.bearer(), Advisory.class);
    }

    /** The officer's agency's subscriptions (a coordinator's: its government's), oldest first. */
    public List<Subscription> subscriptions() {
        return client.list(path("subscriptions").queryParam("limit", PAGE).build(), session.bearer(), Subscription.class);
    }

    /** The created subscription, with its webhook secret (shown this once) or its feed or stream link. */
    public Subscription subscribe(SubscriptionRequest request) {
        return client.post(path("subscriptions").build(), session.bearer(), request, Subscription.class);
    }

    public Subscription subscription(UUID id) {
        return client.get(path("subscriptions").path(id.toString()).build(), session.bearer(), Subscription.class);
    }

    public void unsubscribe(UUID id) {
        client.delete(path("subscriptions").path(id.toString()).build(), session.bearer());
    }

    /** The delivery log, newest first. */
    public List<Delivery> deliveries(UUID subscription) {
        return client.list(path("subscriptions").path(subscription.toString()).path("deliveries").queryParam("limit", 100)
                .build(), session.bearer(), Delivery.class);
    }

    /** Deliveries that exhausted their attempts or were stopped by 410, newest first. */
    public List<Delivery> deadLetters(UUID subscription) {
        return client.list(path("subscriptions").path(subscription.toString()).path("dead-letters").queryParam("limit", 100)
                .build(), session.bearer(), Delivery.class);
    }

    /** Sends a dead letter again with its original webhook-id. */
    public void replay(UUID subscription, UUID delivery) {
        client.post(path("subscriptions").path(subscription.toString()).path("dead-letters").path(delivery.toString())
                .path("replay").build(), session.bearer(), null, Void.class);
    }

    private UriBuilder path(String first) {
        return UriBuilder.fromUri("http://localhost:" + server.getPort()).path(first);
    }
}
