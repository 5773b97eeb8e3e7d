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

    RestEdgeTest() {
        super(Agencies.bearer("US"), "/subscriptions/", "/subscriptions", "{\"kind\":\"GOSSIP\",\"channel\":\"SSE\"}", "kind", "url");
    }
}
