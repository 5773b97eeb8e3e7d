package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * {@link OutreachTestResource}, plus the topics the service reads and writes created before it starts: a topic that
 * appears later makes the pattern subscription rebalance, which costs tests many seconds each time.
 */
public class EvaluationTestResource implements QuarkusTestResourceLifecycleManager {

    private final OutreachTestResource infrastructure = new OutreachTestResource();

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = infrastructure.start();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
        try (Admin admin = Admin.create(p)) {
            for (String government : TestAgencies.PARTNERS) {
                create(admin, "outreach.activities." + government.toLowerCase());
            }
            create(admin, Kafka.EVALUATIONS);
            create(admin, Kafka.DEAD_LETTERS);
        }
        return config;
    }

    private static void create(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
