package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.outreachexchange.infra.OutreachTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link OutreachTestResource} with the topics the service reads and writes created before it starts (a topic that
 * appears later makes the pattern subscription rebalance, which costs tests many seconds each time), and a consumer
 * group of its own for each start.
 */
public class EvaluationTestResource implements QuarkusTestResourceLifecycleManager {

    private final OutreachTestResource infrastructure = new OutreachTestResource();

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("consumers", "activity-events");
        args.put("topics", Kafka.EVALUATIONS + "," + Kafka.DEAD_LETTERS);
        infrastructure.init(args);
    }

    @Override
    public Map<String, String> start() {
        return infrastructure.start();
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
