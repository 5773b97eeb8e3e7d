package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.outreachexchange.edge.contract.RestEdgeContract;
import org.outreachexchange.infra.TestAgencies;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RestEdgeTest extends RestEdgeContract {

    RestEdgeTest() {
        super(TestAgencies.bearer("JP", "METI"), "/proposals/", "/assessments",
                "{\"country\":\"MY\",\"rationale\":\"x\",\"elements\":{\"INTENTION\":{\"assessment\":\"GOOD\",\"evidence\":\"e\"}}}",
                "elements.INTENTION.assessment", "rationale");
    }
}
