package org.outreachexchange.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.identity.AgencyKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The exchange as users run it, on loopback: a Kafka broker process, durable PostgreSQL servers (one of its own for
 * the JP scheduling-service, so that one can be killed alone; one for the others), and every service as
 * {@code java -jar quarkus-run.jar}. The services trust the test agencies' keys, with which the bench signs tokens.
 */
final class Stack implements AutoCloseable {

    static final List<String> GOVERNMENTS = List.of("JP", "US", "AU");
    static final String EVALUATION = "evaluation";
    static final String GATEWAY = "gateway";
    static final String HELLO = "hello";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final Path dir;
    private final PgServer sharedPg;
    private final PgServer jpPg;
    private ManagedProcess kafka;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> gatewayProperties;

    Stack(Settings settings, Path dir, Map<String, String> gatewayProperties) {
        this.settings = settings;
        this.gatewayProperties = new LinkedHashMap<>(gatewayProperties);
        this.dir = dir;
        this.sharedPg = new PgServer("postgres", dir.resolve("pg-shared"), settings.port(15432));
        this.jpPg = new PgServer("postgres-jp", dir.resolve("pg-jp"), settings.port(15433));
        this.kafka = kafkaProcess(dir.resolve("kafka"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + settings.port(19092);
    }

    PgServer sharedPostgres() {
        return sharedPg;
    }

    PgServer postgresOf(String service) {
        return service.equals(scheduling("JP")) ? jpPg : sharedPg;
    }

    ManagedProcess kafka() {
        return kafka;
    }

    Map<String, ManagedProcess> services() {
        return services;
    }

    static String scheduling(String government) {
        return "scheduling-" + government.toLowerCase(Locale.ROOT);
    }

    String baseUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** PostgreSQL and Kafka; then the services are defined (not yet started) with fresh or kept databases. */
    Stack startInfrastructure() {
        sharedPg.start();
        jpPg.start();
        startKafka();
        for (String government : GOVERNMENTS) {
            String name = scheduling(government);
            postgresOf(name).createDatabase(database(name));
            Map<String, String> props = new LinkedHashMap<>();
            props.put("outreach.scheduling.government", government);
            props.put("mp.messaging.outgoing.outbox-events.topic", "outreach.activities." + government.toLowerCase(Locale.ROOT));
            define(name, "scheduling-service", settings.port(8101 + GOVERNMENTS.indexOf(government)), props);
        }
        sharedPg.createDatabase(database(EVALUATION));
        define(EVALUATION, "evaluation-service", settings.port(8110), Map.of());
        sharedPg.createDatabase(database(GATEWAY));
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("outreach.delivery.allowed-hosts", "127.0.0.1,localhost");
        gateway.putAll(gatewayProperties);
        define(GATEWAY, "exchange-gateway", settings.port(8120), gateway);
        return this;
    }

    void startKafka() {
        kafka.start();
        if (!Pause.until(Duration.ofSeconds(90), this::brokerAnswers)) {
            throw new IllegalStateException("Kafka did not start; see " + dir.resolve("logs/kafka.log"));
        }
    }

    boolean brokerAnswers() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Starts the services one after another, each alone on the machine until ready, as the footprint comparison
     * with the hello-world app needs; returns ms to ready per service.
     */
    Map<String, Double> startServices() {
        Map<String, Double> ready = new LinkedHashMap<>();
        for (String name : List.copyOf(services.keySet())) {
            services.get(name).start();
            ready.put(name, awaitReady(name));
        }
        return ready;
    }

    /** The hello-world app with the services' extensions, on its own database; started by the caller. */
    String defineHello() {
        sharedPg.createDatabase("hello");
        define(HELLO, "deploy/bench/hello", settings.port(8130), Map.of("mp.messaging.incoming.greetings.topic", Topics.HELLO));
        return HELLO;
    }

    /** Replaces the broker by a fresh one (new log directory, same ports), for the replay benchmark. */
    void freshKafka(String dirName) {
        kafka.stop();
        kafka = kafkaProcess(dir.resolve(dirName));
        startKafka();
    }

    private ManagedProcess kafkaProcess(Path logDir) {
        return new ManagedProcess("kafka", List.of(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KafkaNode.class.getName(),
                logDir.toString(), Integer.toString(settings.port(19092)), Integer.toString(settings.port(19093))),
                dir.resolve("logs/kafka.log"));
    }

    /** Milliseconds from the process start to its first successful request (GET /q/health/ready answering 200). */
    double awaitReady(String name) {
        ManagedProcess process = services.get(name);
        String url = baseUrl(name) + "/q/health/ready";
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (get(url) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not become ready; see " + dir.resolve("logs/" + name + ".log"));
            }
            Pause.millis(10);
        }
        return (System.nanoTime() - process.startedNanos()) / 1e6;
    }

    double restart(String name) {
        services.get(name).start();
        return awaitReady(name);
    }

    /** A fresh database and consumer group for a service, so it rebuilds its state from the topics. */
    void resetDatabase(String name) {
        postgresOf(name).dropDatabase(database(name));
        postgresOf(name).createDatabase(database(name));
    }

    static String database(String service) {
        return service.replace('-', '_');
    }

    static int get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void define(String name, String module, int port, Map<String, String> properties) {
        ports.put(name, port);
        Path app = copyApp(module);
        List<String> command = new ArrayList<>(List.of(java(), settings.serviceHeap()));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.port", Integer.toString(port));
        all.put("quarkus.http.host", "127.0.0.1");
        all.put("quarkus.datasource.jdbc.url", postgresOf(name).jdbcUrl(database(name)));
        all.put("quarkus.datasource.username", "postgres");
        all.put("quarkus.datasource.password", "postgres");
        all.put("kafka.bootstrap.servers", bootstrapServers());
        all.put("quarkus.log.level", "WARN");
        for (String government : GOVERNMENTS) {
            all.put("outreach.identity.public-keys." + government, AgencyKeys.encodePublic(TestAgencies.keys(government).getPublic()));
        }
        all.putAll(properties);
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        services.put(name, new ManagedProcess(name, command, dir.resolve("logs/" + name + ".log")));
    }

    /** A copy of the built application, so a concurrent rebuild of the module cannot change it under the bench. */
    private Path copyApp(String module) {
        Path source = settings.repository().resolve(module).resolve("target/quarkus-app");
        Path target = dir.resolve("apps").resolve(module);
        if (!Files.exists(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source + "/quarkus-run.jar is missing: build it with ./mvnw -B -pl " + module + " package -DskipTests");
        }
        if (!Files.exists(target)) {
            Files2.copyTree(source, target);
        }
        return target;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        services.values().forEach(ManagedProcess::stop);
        kafka.stop();
        jpPg.stop();
        sharedPg.stop();
    }
}
