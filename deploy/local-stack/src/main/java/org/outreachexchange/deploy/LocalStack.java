package org.outreachexchange.deploy;

import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole exchange on one machine, every part a real process: a Kafka broker, a PostgreSQL server, three
 * scheduling-services (JP, US, AU), the evaluation-service and the exchange-gateway. {@link #main} is the one-command
 * launcher; the system test uses the same API.
 */
public final class LocalStack implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final List<String> SERVICE_JVM_OPTIONS = List.of(
            // Five JVMs start at once on small machines: cap their heaps and spare the optimising compiler at startup.
            "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final StackOptions options;
    private final StackLayout layout;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();
    private final Map<String, ChildProcess> infrastructure = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final Map<String, KeyPair> eventKeys = new LinkedHashMap<>();
    private final StackHttp http = new StackHttp();
    private Duration readyAfter;

    private LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.layout = options.layout();
        this.out = out;
        ServiceSpec.all(layout).forEach(spec -> specs.put(spec.name(), spec));
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("outreach.repository.root", ".")).toAbsolutePath().normalize();
        StackOptions options;
        try {
            options = StackOptions.parse(args, root);
        } catch (StackOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping the stack...");
            stack.close();
            System.out.println("Stopped. Data kept in " + options.dataDir());
        }, "stack-shutdown"));
        try {
            stack.startAll();
            if (!options.empty()) {
                stack.loadScenario();
            }
            stack.printWelcome();
        } catch (StackException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stack.watch();
    }

    /** Keeps the launcher alive until Ctrl-C, reporting any process of the stack that ends on its own. */
    void watch() {
        Set<String> reported = new HashSet<>();
        while (true) {
            synchronized (this) {
                Map<String, ChildProcess> all = new LinkedHashMap<>(infrastructure);
                all.putAll(services);
                all.forEach((name, process) -> {
                    if (!process.isAlive() && reported.add(name)) {
                        out.println(name + " ended on its own (exit code " + process.exitCode().map(String::valueOf).orElse("?")
                                + "); last lines of " + process.logFile() + ":" + System.lineSeparator() + process.tail(20));
                    }
                });
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts the stack and waits until every service is ready; loads nothing. */
    public static LocalStack start(StackOptions options, PrintStream out) {
        LocalStack stack = new LocalStack(options, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    void startAll() {
        progress("checking the build, leftovers of earlier runs and ports");
        requireJars();
        try {
            Files.createDirectories(layout.logsDir());
        } catch (IOException e) {
            throw new StackException("cannot create the data directory " + layout.dataDir() + ": " + e.getMessage(), e);
        }
        Leftovers.endAll(layout.pidsDir()).forEach(p -> progress("ended leftover " + p + " of an earlier run"));
        endStalePostgres();
        requirePortsFree();
        ensureKeys();
        progress("starting Kafka (port " + layout.kafkaPort() + ") and PostgreSQL (port " + layout.postgresPort() + ") in "
                + layout.dataDir());
        startInfrastructure();
        progress("starting " + specs.size() + " services: " + String.join(", ", specs.keySet()));
        specs.values().forEach(this::launch);
        awaitServicesReady(specs.keySet());
        readyAfter = elapsed();
        progress("all services ready after " + seconds(readyAfter));
    }

    /** Loads the 2008 scenario through the JP scheduling-service's REST API; safe to repeat. */
    public Scenario.Result loadScenario() {
        progress("loading the 2008 scenario (Annex II) into scheduling-service JP");
        Scenario.Result result = Scenario.load2008().loadInto(http, url(ServiceSpec.scheduling("JP")), bearer("JP", "METI"));
        progress("scenario: " + result);
        return result;
    }

    public String url(String service) {
        return spec(service).baseUrl();
    }

    public ServiceSpec spec(String service) {
        ServiceSpec spec = specs.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("no service " + service + "; the stack has " + specs.keySet());
        }
        return spec;
    }

    public StackLayout layout() {
        return layout;
    }

    public Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    /** An {@code Authorization} header value for an agency of a government, signed with that government's key. */
    public String bearer(String government, String agency) {
        return "Bearer " + token(government, agency);
    }

    /** A token for an agency of a government, valid for {@link #TOKEN_LIFETIME} from now on the wall clock. */
    public String token(String government, String agency) {
        return token(government, agency, TOKEN_LIFETIME, Clock.systemUTC());
    }

    public String token(String government, String agency, Duration lifetime, Clock issuedOn) {
        KeyPair pair = keys.get(government);
        if (pair == null) {
            throw new IllegalArgumentException("no key for " + government + "; the stack has " + keys.keySet());
        }
        return AgencyTokens.issue(pair.getPrivate(), government, agency, null, lifetime, issuedOn);
    }

    /** The key that verifies a government's sealed events. */
    public PublicKey eventPublicKey(String government) {
        KeyPair pair = eventKeys.get(government);
        if (pair == null) {
            throw new IllegalArgumentException("no event key for " + government + "; the stack has " + eventKeys.keySet());
        }
        return pair.getPublic();
    }

    public ChildProcess process(String service) {
        ChildProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("service " + service + " is not running");
        }
        return process;
    }

    /** Kills a service with SIGKILL, as a crash would. */
    public void kill(String service) {
        process(service).kill();
        progress("killed " + service + " (SIGKILL)");
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void restart(String service) {
        ChildProcess old = services.get(service);
        if (old != null && old.isAlive()) {
            old.stop();
        }
        launch(spec(service));
        awaitServicesReady(List.of(service));
    }

    /** Services first (so nothing they send is cut off), then the broker and the database. */
    @Override
    public synchronized void close() {
        stopAll(services);
        services.clear();
        stopAll(infrastructure);
        infrastructure.clear();
    }

    private static void stopAll(Map<String, ChildProcess> processes) {
        CompletableFuture.allOf(processes.values().stream()
                .map(p -> CompletableFuture.runAsync(p::stop))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void requireJars() {
        List<String> missing = specs.values().stream().map(s -> s.jar(options.repositoryRoot())).distinct()
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new StackException("the services are not built: missing " + String.join(", ", missing)
                    + ". Run ./deploy/run-local.sh --build (or ./mvnw -B -DskipTests install) first.");
        }
    }

    private void requirePortsFree() {
        Map<Integer, String> needed = new LinkedHashMap<>();
        needed.put(layout.kafkaPort(), "Kafka");
        needed.put(layout.kafkaControllerPort(), "the Kafka controller");
        needed.put(layout.postgresPort(), "PostgreSQL");
        specs.values().forEach(s -> needed.put(s.port(), s.description()));
        List<String> taken = new ArrayList<>();
        needed.forEach((port, user) -> {
            if (!isFree(port)) {
                taken.add("port " + port + " (needed by " + user + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException(String.join(", ", taken) + " is already in use. Stop whatever uses it (another stack? "
                    + "try: ss -ltnp | grep " + taken.get(0).replaceAll("port (\\d+).*", "$1")
                    + ") or move the whole stack with --ports-offset N.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Connections of an earlier run lingering in TIME_WAIT do not stop a server from binding; only a listener does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A PostgreSQL left running by a killed PostgresMain still holds the data directory; end it first. */
    private void endStalePostgres() {
        Path pidFile = layout.postgresDir().resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().command().orElse("").endsWith("postgres"))
                    .ifPresent(h -> {
                        h.destroy();
                        h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                        progress("ended a PostgreSQL (pid " + pid + ") left running by an earlier run");
                    });
        } catch (IOException | RuntimeException e) {
            progress("could not check " + pidFile + ": " + e.getMessage());
        }
    }

    /** Each government's token key and event key, created once and kept in the data directory. */
    private void ensureKeys() {
        try {
            Files.createDirectories(layout.keysDir());
            for (String government : StackLayout.GOVERNMENTS) {
                keys.put(government, keyPair(government, government + "'s token key"));
                eventKeys.put(government, keyPair(government + "-events", government + "'s event key"));
            }
        } catch (IOException e) {
            throw new StackException("cannot create or read the keys in " + layout.keysDir() + ": " + e.getMessage(), e);
        }
    }

    private KeyPair keyPair(String name, String what) throws IOException {
        Path privateFile = layout.keysDir().resolve(name + ".key");
        Path publicFile = layout.keysDir().resolve(name + ".pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            KeyPair pair = AgencyKeys.generate();
            Files.writeString(privateFile, AgencyKeys.toPem(pair.getPrivate()));
            Files.writeString(publicFile, AgencyKeys.toPem(pair.getPublic()));
            progress("created " + what + " (Ed25519) in " + layout.keysDir());
        }
        PrivateKey privateKey = AgencyKeys.readPrivate(privateFile);
        return new KeyPair(AgencyKeys.readPublic(publicFile), privateKey);
    }

    private void startInfrastructure() {
        String pids = layout.pidsDir().toString();
        infrastructure.put(KAFKA, new ChildProcess(KAFKA, javaCommand(KafkaMain.class,
                layout.kafkaDir().toString(), Integer.toString(layout.kafkaPort()),
                Integer.toString(layout.kafkaControllerPort()), pids), layout.logFile(KAFKA), layout.pidFile(KAFKA)).start());
        List<String> postgresArgs = new ArrayList<>(List.of(layout.postgresDir().toString(),
                Integer.toString(layout.postgresPort()), pids));
        postgresArgs.addAll(StackLayout.DATABASES);
        infrastructure.put(POSTGRES, new ChildProcess(POSTGRES, javaCommand(PostgresMain.class, postgresArgs.toArray(String[]::new)),
                layout.logFile(POSTGRES), layout.pidFile(POSTGRES)).start());
        awaitMarker(infrastructure.get(KAFKA), KafkaMain.READY, "Kafka ready on " + layout.bootstrapServers());
        awaitMarker(infrastructure.get(POSTGRES), PostgresMain.READY,
                "PostgreSQL ready on port " + layout.postgresPort() + " with databases " + StackLayout.DATABASES);
    }

    private List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private void awaitMarker(ChildProcess process, String marker, String message) {
        long deadline = System.nanoTime() + INFRA_TIMEOUT.toNanos();
        while (!process.logContains(marker)) {
            if (!process.isAlive()) {
                throw new StackException(process.name() + " exited during startup. Last lines of " + process.logFile()
                        + ":" + System.lineSeparator() + process.tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(process.name() + " was not ready within " + seconds(INFRA_TIMEOUT) + ". Last lines of "
                        + process.logFile() + ":" + System.lineSeparator() + process.tail(30));
            }
            pause();
        }
        progress(message);
    }

    private void launch(ServiceSpec spec) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(spec.port()));
        properties.put("quarkus.datasource.jdbc.url", layout.jdbcUrl(spec.database()));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "postgres");
        properties.put("kafka.bootstrap.servers", layout.bootstrapServers());
        keys.forEach((government, pair) -> properties.put("outreach.identity.public-keys." + government,
                AgencyKeys.encodePublic(pair.getPublic())));
        eventKeys.forEach((government, pair) -> properties.put("outreach.event-signing.public-keys." + government,
                AgencyKeys.encodePublic(pair.getPublic())));
        spec.government().ifPresent(government -> properties.put("outreach.event-signing.private-key",
                AgencyKeys.encodePrivate(eventKeys.get(government).getPrivate())));
        options.clockStart().ifPresent(start -> properties.put("outreach.clock.start", start.toString()));
        properties.putAll(spec.properties());
        properties.putAll(options.serviceProperties().getOrDefault(spec.name(), Map.of()));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(SERVICE_JVM_OPTIONS);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar(options.repositoryRoot()).toString());
        services.put(spec.name(), new ChildProcess(spec.name(), command, layout.logFile(spec.name()),
                layout.servicePidFile(spec.name())).start());
    }

    private void awaitServicesReady(Iterable<String> names) {
        List<String> waiting = new ArrayList<>();
        names.forEach(waiting::add);
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting)) {
                ChildProcess process = services.get(name);
                if (!process.isAlive()) {
                    throw new StackException(spec(name).description() + " exited during startup (exit code "
                            + process.exitCode().map(String::valueOf).orElse("?") + "). Last lines of " + process.logFile()
                            + ":" + System.lineSeparator() + process.tail(40));
                }
                if (isReady(spec(name))) {
                    waiting.remove(name);
                    progress("ready: " + spec(name).description() + " on " + spec(name).baseUrl());
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                String first = waiting.get(0);
                throw new StackException("not ready within " + seconds(options.readyTimeout()) + ": " + waiting
                        + " (" + spec(first).baseUrl() + "/q/health/ready). Last lines of " + services.get(first).logFile()
                        + ":" + System.lineSeparator() + services.get(first).tail(40));
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    private boolean isReady(ServiceSpec spec) {
        try {
            StackHttp.Response response = http.get(spec.baseUrl() + "/q/health/ready", null);
            return response.status() == 200 && "UP".equals(response.json().path("status").asText());
        } catch (StackException e) {
            return false;
        }
    }

    void printWelcome() {
        Path tokensFile = layout.dataDir().resolve("tokens.env");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("JP", token("JP", "METI"));
        tokens.put("US", token("US", "DOC"));
        tokens.put("AU", token("AU", "DFAT"));
        StringBuilder env = new StringBuilder();
        tokens.forEach((g, t) -> env.append("export ").append(g).append("_TOKEN=").append(t).append('\n'));
        try {
            Files.writeString(tokensFile, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String clockText = options.clockStart().map(s -> "replayed from " + s + " (ticking)").orElse("real time");
        out.println();
        out.println("Outreach Exchange is running (ready after " + seconds(readyAfter) + "; clock: " + clockText + ").");
        out.println();
        out.printf(Locale.ROOT, "  %-26s %-24s %-40s %s%n", "service", "API", "Swagger UI", "health");
        specs.values().forEach(s -> out.printf(Locale.ROOT, "  %-26s %-24s %-40s %s%n", s.description(), s.baseUrl(),
                s.baseUrl() + "/q/swagger-ui", s.baseUrl() + "/q/health"));
        out.println("  Kafka " + layout.bootstrapServers() + ", PostgreSQL localhost:" + layout.postgresPort()
                + " (postgres/postgres), data and logs in " + layout.dataDir());
        out.println();
        out.println("Tokens (valid " + TOKEN_LIFETIME.toHours() + " h; JP/METI, US/DOC, AU/DFAT), also in " + tokensFile + ":");
        out.print(env.toString().replaceAll("(?m)^", "  "));
        out.println();
        out.println(Examples.text(this));
    }

    private void progress(String message) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting");
        }
    }
}
