package org.outreachexchange.deploy;

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

    public ServiceSpec {
        properties = Map.copyOf(properties);
    }

    public static String scheduling(String government) {
        return "scheduling-" + StackLayout.lower(government);
    }

    /** The five services of the stack, in start order. */
    public static List<ServiceSpec> all(StackLayout layout) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (String government : StackLayout.GOVERNMENTS) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("outreach.scheduling.government", government);
            properties.put("mp.messaging.outgoing.outbox-events.topic", "outreach.activities." + StackLayout.lower(government));
            specs.add(new ServiceSpec(scheduling(government), "scheduling-service", "scheduling-service " + government,
                    StackLayout.schedulingPort(government) + layout.portsOffset(), "scheduling_" + StackLayout.lower(government),
                    Optional.of(government), properties));
        }
        specs.add(new ServiceSpec(EVALUATION, "evaluation-service", "evaluation-service",
                StackLayout.EVALUATION_PORT + layout.portsOffset(), "evaluation", Optional.empty(), Map.of()));
        // The console in the gateway calls each government's scheduling-service and the evaluation-service for the officer.
        Map<String, String> console = new LinkedHashMap<>();
        for (String government : StackLayout.GOVERNMENTS) {
            console.put("outreach.console.scheduling-urls." + government,
                    "http://localhost:" + (StackLayout.schedulingPort(government) + layout.portsOffset()));
        }
        console.put("outreach.console.evaluation-url", "http://localhost:" + (StackLayout.EVALUATION_PORT + layout.portsOffset()));
        specs.add(new ServiceSpec(GATEWAY, "exchange-gateway", "exchange-gateway",
                StackLayout.GATEWAY_PORT + layout.portsOffset(), "gateway", Optional.empty(), console));
        return List.copyOf(specs);
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
