package org.outreachexchange.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * Points a Quarkus service under test at the real broker, a fresh database of its own and a partners document of its
 * own listing the test governments' keys ({@link TestAgencies#partnersConfig()}).
 * Use with {@code @QuarkusTestResource(value = OutreachTestResource.class, initArgs = @ResourceArg(name = "service", value = "scheduling"))};
 * an init arg {@code chain} (e.g. JP) makes the service seal its events with that government's test event key, and
 * {@code consumers} (channel names, comma-separated) gives those channels a consumer group of their own for this
 * start: the database is new, so the consumers read every topic from its beginning, as a rebuild would.
 * The partners' activity topics are created up front (see {@link ExchangeTopics}), with {@code topics} (comma-separated)
 * beside them.
 */
public class OutreachTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";
    private String chain;
    private List<String> consumers = List.of();
    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        chain = initArgs.get("chain");
        consumers = list(initArgs.get("consumers"));
        topics = list(initArgs.get("topics"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestAgencies.partnersConfig());
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        ExchangeTopics.create(bootstrap, TestAgencies.PARTNERS, topics);
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.newDatabase(service));
        String group = service + "-" + UUID.randomUUID();
        consumers.forEach(channel -> config.put("mp.messaging.incoming." + channel + ".group.id", group));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        if (chain != null) {
            config.putAll(TestAgencies.signingConfig(chain));
        }
        return config;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }

    @Override
    public void stop() {
        // The broker and server are shared by the JVM's test classes and stop with it.
    }
}
