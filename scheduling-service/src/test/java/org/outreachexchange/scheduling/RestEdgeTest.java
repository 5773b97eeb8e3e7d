package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.outreachexchange.edge.contract.RestEdgeContract;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class RestEdgeTest extends RestEdgeContract {

    RestEdgeTest() {
        super(TestAgencies.bearer("JP", "METI"), "/activities/", "/activities",
                "{\"type\":\"WORKSHOP\",\"title\":\"t\",\"recipients\":[\"MY\"],\"schedule\":{\"month\":\"2008-03\"}}", "type", "title");
    }
}
