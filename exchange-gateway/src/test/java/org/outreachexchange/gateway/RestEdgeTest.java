package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.outreachexchange.edge.contract.RestEdgeContract;
import org.outreachexchange.infra.OutreachTestResource;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class RestEdgeTest extends RestEdgeContract {

    @Override
    protected String bearer() {
        return Agencies.bearer("US");
    }

    @Override
    protected String pathWithId(String id) {
        return "/subscriptions/" + id;
    }

    @Override
    protected String postPath() {
        return "/subscriptions";
    }

    @Override
    protected String bodyWithUnknownEnumValue() {
        return "{\"kind\":\"GOSSIP\",\"channel\":\"SSE\"}";
    }

    @Override
    protected String unknownEnumField() {
        return "kind";
    }
}
