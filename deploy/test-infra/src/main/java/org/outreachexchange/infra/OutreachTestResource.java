package org.outreachexchange.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus service under test at the real broker, a fresh database of its own and the test governments' keys.
 * Use with {@code @QuarkusTestResource(value = OutreachTestResource.class, initArgs = @ResourceArg(name = "service", value = "scheduling"))};
 * an init arg {@code chain} (e.g. JP) makes the service seal its events with that government's test event key.
 */
public class OutreachTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";
    private String chain;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        chain = initArgs.get("chain");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestAgencies.publicKeyConfig());
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.newDatabase(service));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        if (chain != null) {
            config.putAll(TestAgencies.signingConfig(chain));
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and server are shared by the JVM's test classes and stop with it.
    }
}
