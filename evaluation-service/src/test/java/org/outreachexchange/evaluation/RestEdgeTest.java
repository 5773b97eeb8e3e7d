package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.outreachexchange.edge.contract.RestEdgeContract;
import org.outreachexchange.infra.TestAgencies;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RestEdgeTest extends RestEdgeContract {

    @Override
    protected String bearer() {
        return TestAgencies.bearer("JP", "METI");
    }

    @Override
    protected String pathWithId(String id) {
        return "/proposals/" + id;
    }

    @Override
    protected String postPath() {
        return "/assessments";
    }

    @Override
    protected String bodyWithUnknownEnumValue() {
        return "{\"country\":\"MY\",\"rationale\":\"x\",\"elements\":{\"INTENTION\":{\"assessment\":\"GOOD\",\"evidence\":\"e\"}}}";
    }

    @Override
    protected String unknownEnumField() {
        return "elements.INTENTION.assessment";
    }
}
