package org.outreachexchange.deploy;

import org.outreachexchange.identity.partners.Partner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service process of the stack: which module's jar, which port and database, and the system properties that
 * turn the module's defaults into this instance (e.g. the US scheduling-service).
 */
public record ServiceSpec(String name, String module, String description, int port, String database,
                          Optional<String> government, Map<String, String> properties) {

    public static final String EVALUATION = "evaluation";
    public static final String GATEWAY = "gateway";
    /** A service's management interface (health, metrics, OpenAPI) listens this far above its API port. */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;
    private static final String TOPIC_REFRESH_MS = "5000";

    public ServiceSpec {
        properties = Map.copyOf(properties);
    }

    public static String scheduling(String government) {
        return "scheduling-" + StackLayout.lower(government);
    }

    /** The stack's services in start order: a scheduling-service per government, the evaluation-service, the gateway. */
    public static List<ServiceSpec> all(StackLayout layout) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (int i = 0; i < layout.governments().size(); i++) {
            specs.add(scheduling(layout, layout.governments().get(i), i));
        }
        // Consumers find a new partner's activity topic by pattern within this time (Kafka's default is 5 minutes).
        specs.add(new ServiceSpec(EVALUATION, "evaluation-service", "evaluation-service",
                StackLayout.EVALUATION_PORT + layout.portsOffset(), "evaluation", Optional.empty(),
                Map.of("mp.messaging.incoming.activity-events.metadata.max.age.ms", TOPIC_REFRESH_MS)));
        // The console in the gateway calls each government's scheduling-service and the evaluation-service for the officer.
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("mp.messaging.incoming.activities.metadata.max.age.ms", TOPIC_REFRESH_MS);
        for (int i = 0; i < layout.governments().size(); i++) {
            gateway.put("outreach.console.scheduling-urls." + layout.governments().get(i),
                    "http://localhost:" + (StackLayout.schedulingPort(i) + layout.portsOffset()));
        }
        gateway.put("outreach.console.evaluation-url", "http://localhost:" + (StackLayout.EVALUATION_PORT + layout.portsOffset()));
        specs.add(new ServiceSpec(GATEWAY, "exchange-gateway", "exchange-gateway",
                StackLayout.GATEWAY_PORT + layout.portsOffset(), "gateway", Optional.empty(), gateway));
        return List.copyOf(specs);
    }

    /** The scheduling-service of {@code government}, the {@code position}-th of the stack's (its port follows from it). */
    public static ServiceSpec scheduling(StackLayout layout, String government, int position) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("outreach.scheduling.government", government);
        properties.put("mp.messaging.outgoing.outbox-events.topic", Partner.topicOf(government));
        return new ServiceSpec(scheduling(government), "scheduling-service", "scheduling-service " + government,
                StackLayout.schedulingPort(position) + layout.portsOffset(), "scheduling_" + StackLayout.lower(government),
                Optional.of(government), properties);
    }

    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int managementPort() {
        return port + MANAGEMENT_PORT_OFFSET;
    }

    /** Where {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui} answer. */
    public String managementUrl() {
        return "http://localhost:" + managementPort();
    }
}
