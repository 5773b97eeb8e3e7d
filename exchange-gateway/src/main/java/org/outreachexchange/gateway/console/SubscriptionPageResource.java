package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Subscriptions: create a webhook, SSE or iCalendar subscription, copy its {@code webcal://} link, read the delivery
 * log and dead letters, replay one, unsubscribe. Every action goes through the gateway's subscription API as the officer.
 */
@Path("/console/subscriptions")
@Produces(MediaType.TEXT_HTML)
@PublicEndpoint
public class SubscriptionPageResource {

    private static final String LIST = "/console/subscriptions";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance subscriptions(SubscriptionsView subscriptions);

        static native TemplateInstance subscription(SubscriptionsView.Detail detail);
    }

    private final GatewayApi gateway;
    private final ConsoleSession session;

    SubscriptionPageResource(GatewayApi gateway, ConsoleSession session) {
        this.gateway = gateway;
        this.session = session;
    }

    @GET
    public TemplateInstance list() {
        session.require();
        Map<String, String> draft = session.draft();
        SubscriptionsView.Form form = draft.isEmpty() ? SubscriptionsView.Form.EMPTY
                : SubscriptionsView.Form.of(single(draft), null);
        return page(form, null);
    }

    /** Subscribe: the new subscription with its secret or links, shown this once; or the API's problem by the fields. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        session.requireForm(form);
        Map<String, List<String>> typed = new LinkedHashMap<>(form);
        SubscriptionsView.Form request = SubscriptionsView.Form.of(typed, null);
        try {
            GatewayJson.Subscription created = gateway.subscribe(request.request());
            return Response.status(201).entity(page(SubscriptionsView.Form.EMPTY, SubscriptionsView.Row.of(created))).build();
        } catch (UpstreamProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return Response.status(refused.status()).entity(page(SubscriptionsView.Form.of(typed, refused.problem()), null))
                    .build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("replayed") String replayed) {
        session.require();
        return detailPage(subscription(id), replayed, null);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        session.requireForm(form);
        gateway.unsubscribe(subscription(id));
        return Response.seeOther(URI.create(LIST)).build();
    }

    /** Send a dead letter again (202 from the API): back to the log, which shows it pending again. */
    @POST
    @Path("/{id}/dead-letters/{delivery}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") String id, @PathParam("delivery") String delivery,
                           MultivaluedMap<String, String> form) {
        session.requireForm(form);
        UUID subscription = subscription(id);
        UUID letter = ProposalPageResource.uuid(delivery).orElseThrow(SubscriptionPageResource::notFound);
        try {
            gateway.replay(subscription, letter);
            return Response.seeOther(URI.create(LIST + "/" + subscription + "?replayed=" + letter)).build();
        } catch (UpstreamProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            return Response.status(409).entity(detailPage(subscription, null, refused.problem())).build();
        }
    }

    private TemplateInstance page(SubscriptionsView.Form form, SubscriptionsView.Row created) {
        return session.page(Templates.subscriptions(new SubscriptionsView(
                gateway.subscriptions().stream().map(SubscriptionsView.Row::of).toList(), form, created)));
    }

    private TemplateInstance detailPage(UUID id, String replayed, ProblemView problem) {
        SubscriptionsView.Row row = SubscriptionsView.Row.of(gateway.subscription(id));
        boolean webhook = "WEBHOOK".equals(row.channel());
        return session.page(Templates.subscription(new SubscriptionsView.Detail(row,
                webhook ? gateway.deliveries(id).stream().map(SubscriptionsView.DeliveryRow::of).toList() : List.of(),
                webhook ? gateway.deadLetters(id).stream().map(SubscriptionsView.DeliveryRow::of).toList() : List.of(),
                replayed == null ? "" : replayed, problem)));
    }

    private static UUID subscription(String id) {
        return ProposalPageResource.uuid(id).orElseThrow(SubscriptionPageResource::notFound);
    }

    private static UpstreamProblem notFound() {
        return new UpstreamProblem(new ProblemView(404, "Not Found", "no such subscription", List.of()));
    }

    private static Map<String, List<String>> single(Map<String, String> draft) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        draft.forEach((name, value) -> typed.put(name, List.of(value)));
        return typed;
    }
}
