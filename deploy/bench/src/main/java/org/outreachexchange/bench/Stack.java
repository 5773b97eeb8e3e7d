package org.outreachexchange.bench;

import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;
import org.outreachexchange.deploy.StackLayout;
import org.outreachexchange.deploy.StackOptions;
import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The exchange as users run it, started by the local stack's launcher on loopback with what the measurements need: the
 * services' heap and nothing else on their JVMs, each service started alone, the JP scheduling-service on a PostgreSQL
 * of its own (so that one can be killed alone), and the applications copied from the build, so that a rebuild during
 * a run cannot change them. The launcher's keys sign the bench's tokens and events.
 */
final class Stack {

    static final List<String> GOVERNMENTS = StackLayout.GOVERNMENTS;
    static final String HELLO = "hello";
    static final String HELLO_TOPIC = "bench.greetings";
    private static final List<String> SERVICE_MODULES = List.of("scheduling-service", "evaluation-service", "exchange-gateway");
    private static final String HELLO_MODULE = "deploy/bench/hello";

    private Stack() {
    }

    static LocalStack start(Settings settings, Path dir, Map<String, String> gatewayProperties) {
        SERVICE_MODULES.forEach(module -> copyApp(settings, dir, module));
        List<String> jvm = new ArrayList<>(settings.serviceJvm());
        if (settings.jfr()) {
            // Profiles of every service, written when the stack stops: <work>/bench-<run>/jfr/hotspot-pid-<pid>-*.jfr.
            Path recordings = dir.resolve("jfr");
            try {
                Files.createDirectories(recordings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Quarkus's stacks run deeper than JFR's default 64 frames; cut ones would not merge in a flame graph.
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=filename=" + recordings + "/,settings=profile,dumponexit=true");
        }
        StackOptions options = new StackOptions(apps(dir), dir, true, Optional.empty(), settings.portOffset(), Duration.ofSeconds(180))
                .withServiceJvmOptions(jvm).oneServiceAtATime()
                .withOwnPostgres(ServiceSpec.scheduling("JP"));
        for (ServiceSpec spec : ServiceSpec.all(options.layout())) {
            for (Map.Entry<String, String> setting : benchProperties(spec.name()).entrySet()) {
                options = options.withServiceProperty(spec.name(), setting.getKey(), setting.getValue());
            }
        }
        for (Map.Entry<String, String> setting : gatewayProperties.entrySet()) {
            options = options.withServiceProperty(ServiceSpec.GATEWAY, setting.getKey(), setting.getValue());
        }
        System.out.println("starting Kafka, PostgreSQL and the services one by one under " + dir);
        LocalStack stack = LocalStack.start(options, System.out);
        // Before the hello-world app starts, as the services' topics are before they do: every app starts on equal terms.
        ExchangeTopics.create(stack.layout().bootstrapServers(), List.of(), List.of(HELLO_TOPIC));
        return stack;
    }

    /** Starts the hello-world app (the services' extensions, one entity, one consumer) on a database of its own; returns its time to ready. */
    static Duration startHello(LocalStack stack, Settings settings) {
        copyApp(settings, stack.layout().dataDir(), HELLO_MODULE);
        return stack.add(new ServiceSpec(HELLO, HELLO_MODULE, "hello-world app", settings.port(8130), HELLO, Optional.empty(),
                Map.of("mp.messaging.incoming.greetings.topic", HELLO_TOPIC, "quarkus.http.host", "127.0.0.1", "quarkus.log.level", "WARN")));
    }

    /**
     * Starts a second replica of a service (its jar, database and consumer groups; a port of its own, 1000 above it its
     * management port), with the properties the bench gives that service; returns its time to ready.
     */
    static Duration addReplica(LocalStack stack, Settings settings, String name, String of, int standardPort,
                               Map<String, String> properties) {
        ServiceSpec original = stack.spec(of);
        Map<String, String> all = new LinkedHashMap<>(original.properties());
        all.putAll(benchProperties(of));
        all.putAll(properties);
        return stack.add(new ServiceSpec(name, original.module(), original.description() + " (replica " + name + ")",
                settings.port(standardPort), original.database(), original.government(), all));
    }

    /** What the bench sets on a service beyond the launcher: loopback only, warnings only, webhooks to the harness allowed. */
    private static Map<String, String> benchProperties(String service) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of("quarkus.http.host", "127.0.0.1", "quarkus.log.level", "WARN"));
        if (ServiceSpec.GATEWAY.equals(service)) {
            properties.put("outreach.delivery.allowed-hosts", "127.0.0.1,localhost");
        }
        return properties;
    }

    static Connection connect(LocalStack stack, String service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A setting of the PostgreSQL server a service's database is on, e.g. fsync. */
    static String postgresSetting(LocalStack stack, String service, String key) {
        try (Connection c = connect(stack, service); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + key)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static Path apps(Path dir) {
        return dir.resolve("apps");
    }

    private static void copyApp(Settings settings, Path dir, String module) {
        Path source = settings.repository().resolve(module).resolve("target/quarkus-app");
        Path target = apps(dir).resolve(module).resolve("target/quarkus-app");
        if (!Files.exists(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source + "/quarkus-run.jar is missing: build it with ./mvnw -B -pl " + module + " package -DskipTests");
        }
        if (Files.exists(target)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source, e);
        }
    }
}
