package org.outreachexchange.deploy;

import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import org.outreachexchange.infra.Directories;
import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.PostgresServer;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole exchange on one machine, every part a real process: a Kafka broker, a PostgreSQL server, a
 * scheduling-service per partner government (JP, US, AU unless told otherwise), the evaluation-service and the
 * exchange-gateway, all reading one partners document ({@link StackLayout#partnersFile()}). {@link #main} is the
 * one-command launcher; the system test, the benchmarks and the fault-injection suite start, stop, kill, pause and
 * measure the processes through the same API, may add processes of their own ({@link #add}) and let a government
 * join the running exchange ({@link #join}).
 */
public final class LocalStack implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    /** The roles of the agencies the launcher issues tokens for ({@link #agency}). */
    public static final Set<Role> AGENCY_ROLES = Set.of(Role.PLANNER, Role.EVALUATOR);
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";
    /** The id of each government's key in the stack's partners document; tokens name it ({@code JP:local}). */
    public static final String KEY_ID = "local";
    /** Annex I economies that could become providers, by the name the partners document gives them. */
    public static final Map<String, String> JOINING = Map.of("KR", "Republic of Korea", "SG", "Singapore");
    /** The agency each government's token is issued to (JP/METI, US/DOC, AU/DFAT as in the source document). */
    private static final Map<String, String> AGENCIES = Map.of("JP", "METI", "US", "DOC", "AU", "DFAT", "KR", "MOTIE",
            "SG", "MTI");
    /** How often the services read the partners document again. */
    private static final String PARTNERS_CHECK = "PT1S";
    /** The broker's and PostgreSQL's JVMs (PostgreSQL itself runs in processes of its own). */
    public static final List<String> INFRASTRUCTURE_JVM_OPTIONS = List.of("-Xmx512m");
    /** Fine enough for a service's time to ready to be measured, cheap enough while five JVMs start. */
    private static final Duration POLL = Duration.ofMillis(10);

    private final StackOptions options;
    private final StackLayout layout;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final Map<String, ChildProcess> infrastructure = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    /** The PostgreSQL server (its process name) each service's database is on, and each server's port. */
    private final Map<String, String> postgresOf = new LinkedHashMap<>();
    private final Map<String, Integer> postgresPorts = new LinkedHashMap<>();
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final Map<String, KeyPair> eventKeys = new LinkedHashMap<>();
    private final StackHttp http = new StackHttp();
    private Duration readyAfter;

    private LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.layout = options.layout();
        this.out = out;
        ServiceSpec.all(layout).forEach(spec -> specs.put(spec.name(), spec));
        postgresPorts.put(POSTGRES, layout.postgresPort());
        specs.keySet().forEach(service -> {
            String server = options.ownPostgres().contains(service) ? POSTGRES + "-" + service : POSTGRES;
            postgresPorts.computeIfAbsent(server, s -> layout.postgresPort(postgresPorts.size()));
            postgresOf.put(service, server);
        });
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
        postgresPorts.keySet().forEach(this::endStalePostgres);
        requirePortsFree();
        ensureKeys();
        progress("starting Kafka (port " + layout.kafkaPort() + ") and PostgreSQL (port" + (postgresPorts.size() > 1 ? "s " : " ")
                + postgresPorts.values().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ") in " + layout.dataDir());
        startInfrastructure();
        progress("starting " + specs.size() + " services" + (options.oneAtATime() ? " one at a time: " : ": ")
                + String.join(", ", specs.keySet()));
        if (options.oneAtATime()) {
            specs.values().forEach(spec -> awaitReady(List.of(launch(spec))));
        } else {
            awaitReady(specs.values().stream().map(this::launch).toList());
        }
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

    public String managementUrl(String service) {
        return spec(service).managementUrl();
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

    /**
     * A token for an agency of a government that plans its own activities and takes part in evaluation
     * ({@link #AGENCY_ROLES}), valid for {@link #TOKEN_LIFETIME} from now on the wall clock.
     */
    public String token(String government, String agency) {
        return token(government, agency, AGENCY_ROLES, TOKEN_LIFETIME, Clock.systemUTC());
    }

    public String token(String government, String agency, Set<Role> roles, Duration lifetime, Clock issuedOn) {
        return AgencyTokens.issue(keys(keys, government).getPrivate(), KEY_ID, government, agency, null, roles, lifetime,
                issuedOn);
    }

    /** The agency the launcher issues {@code government}'s token to. */
    public static String agency(String government) {
        return AGENCIES.getOrDefault(government, government + "-AGENCY");
    }

    /**
     * {@code government} joins the running exchange: its keys, a new version of the partners document (the running
     * services take it within a second, without a restart), its activity topic, and its scheduling-service on the next
     * port. It leads nothing until the partners decide. Returns how long its service took to be ready.
     */
    public Duration join(String government) {
        if (specs.containsKey(ServiceSpec.scheduling(government))) {
            throw new IllegalArgumentException(government + " is a partner of this stack already");
        }
        ensureKeys(government);
        PartnersDocument next = PartnersFile.read(layout.partnersFile()).withPartner(joining(government, domainNow()));
        PartnersFile.write(layout.partnersFile(), next);
        progress(government + " joins: partners document version " + next.version() + " " + next.governments());
        ExchangeTopics.create(layout.bootstrapServers(), List.of(government), List.of());
        int position = (int) specs.values().stream().filter(spec -> spec.government().isPresent()).count();
        return add(ServiceSpec.scheduling(layout, government, position));
    }

    /** The services' clock now: the scenario's, moved on by the time since the launch, or the wall clock. */
    private Instant domainNow() {
        Duration since = Duration.between(startedAt, Instant.now());
        return options.clockStart().map(start -> start.plus(since)).orElse(Instant.now());
    }

    private Partner joining(String government, Instant joined) {
        return new Partner(government, JOINING.getOrDefault(government, government), Partner.topicOf(government), joined,
                List.of(PartnerKey.of(KEY_ID, keys(keys, government).getPublic())),
                List.of(PartnerKey.of(KEY_ID, keys(eventKeys, government).getPublic())), Map.of());
    }

    /** The key that verifies a government's sealed events. */
    public PublicKey eventPublicKey(String government) {
        return keys(eventKeys, government).getPublic();
    }

    /** The key a government's scheduling-service seals its events with, for tools that write as that government. */
    public PrivateKey eventPrivateKey(String government) {
        return keys(eventKeys, government).getPrivate();
    }

    private static KeyPair keys(Map<String, KeyPair> keys, String government) {
        KeyPair pair = keys.get(government);
        if (pair == null) {
            throw new IllegalArgumentException("no key for " + government + "; the stack has " + keys.keySet());
        }
        return pair;
    }

    /** A process of the stack: a service, {@link #KAFKA}, {@link #POSTGRES} or {@code postgres-<service>}. */
    public synchronized ChildProcess process(String name) {
        ChildProcess process = services.containsKey(name) ? services.get(name) : infrastructure.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + "; the stack has " + infrastructure.keySet() + " and " + services.keySet());
        }
        return process;
    }

    /** The service processes, in start order, added ones last. */
    public synchronized Map<String, ChildProcess> services() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** Kills a process with SIGKILL, as a crash would; for a PostgreSQL server its postmaster and backends too. */
    public void kill(String name) {
        ChildProcess process = process(name);
        if (postgresPorts.containsKey(name)) {
            killPostmaster(name);
        }
        process.kill();
        progress("killed " + name + " (SIGKILL)");
    }

    /** Stops a process (SIGTERM, then SIGKILL after a grace period). */
    public void stop(String name) {
        process(name).stop();
    }

    /** Starts a stopped or killed process again and waits until it is ready; returns how long that took from its start. */
    public Duration restart(String name) {
        ChildProcess process = process(name);
        process.stop();
        process.start();
        awaitReady(List.of(name));
        return process.readyAfter().orElseThrow();
    }

    /** Starts one more service process beside the stack's (on the stack's broker and shared database) and waits until it is ready. */
    public Duration add(ServiceSpec spec) {
        specs.put(spec.name(), spec);
        postgresOf.put(spec.name(), POSTGRES);
        awaitReady(List.of(launch(spec)));
        return process(spec.name()).readyAfter().orElseThrow();
    }

    /** Stops the broker, deletes its log and starts an empty one on the same ports, with the stack's topics. */
    public void freshKafka() {
        stop(KAFKA);
        Directories.deleteRecursively(layout.dir(KAFKA));
        restart(KAFKA);
    }

    /** The PostgreSQL server (its process name) a service's database is on. */
    public String postgresOf(String service) {
        spec(service);
        return postgresOf.get(service);
    }

    public int postgresPort(String service) {
        return postgresPorts.get(postgresOf(service));
    }

    public String jdbcUrl(String service) {
        return "jdbc:postgresql://localhost:" + postgresPort(service) + "/" + spec(service).database();
    }

    /** Drops a stopped service's database and creates it empty, so the service rebuilds its state from the topics. */
    public void resetDatabase(String service) {
        PostgresServer.dropDatabase(postgresPort(service), spec(service).database());
        PostgresServer.createDatabase(postgresPort(service), spec(service).database());
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
        postgresPorts.forEach((server, port) -> needed.put(port, "PostgreSQL (" + server + ")"));
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
    private void endStalePostgres(String server) {
        postmaster(server).ifPresent(handle -> {
            handle.destroy();
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            progress("ended a PostgreSQL (pid " + handle.pid() + ") left running by an earlier run");
        });
    }

    /** SIGKILL to the postmaster; returns once it and its backends are gone, so a restart can take the data directory. */
    private void killPostmaster(String server) {
        postmaster(server).ifPresent(postmaster -> {
            List<ProcessHandle> all = new ArrayList<>(postmaster.children().toList());
            all.add(postmaster);
            postmaster.destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                pause();
            }
        });
    }

    /** The running postmaster of a PostgreSQL server, from its postmaster.pid. */
    private Optional<ProcessHandle> postmaster(String server) {
        Path pidFile = layout.dir(server).resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(h -> h.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | RuntimeException e) {
            progress("could not check " + pidFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Each government's token key and event key, created once and kept in the data directory, and the partners
     * document listing them: the founding partners with the source document's role sharing, then those that join.
     */
    private void ensureKeys() {
        layout.governments().forEach(this::ensureKeys);
        PartnersDocument founding = FoundingPartners.document(g -> PartnerKey.of(KEY_ID, keys(keys, g).getPublic()),
                g -> PartnerKey.of(KEY_ID, keys(eventKeys, g).getPublic()));
        List<Partner> partners = new ArrayList<>(founding.partners());
        layout.governments().stream().filter(g -> founding.partner(g).isEmpty())
                .forEach(g -> partners.add(joining(g, options.clockStart().orElse(startedAt))));
        PartnersFile.write(layout.partnersFile(), new PartnersDocument(1, partners));
    }

    private void ensureKeys(String government) {
        try {
            Files.createDirectories(layout.keysDir());
            keys.put(government, keyPair(government, government + "'s token key"));
            eventKeys.put(government, keyPair(government + "-events", government + "'s event key"));
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
        infrastructure.put(KAFKA, new ChildProcess(KAFKA, javaCommand(KafkaMain.class, layout.dir(KAFKA).toString(),
                Integer.toString(layout.kafkaPort()), Integer.toString(layout.kafkaControllerPort()), pids,
                String.join(",", layout.governments())),
                layout.logFile(KAFKA), layout.pidFile(KAFKA)).start());
        postgresPorts.forEach((server, port) -> infrastructure.put(server, new ChildProcess(server,
                javaCommand(PostgresMain.class, layout.dir(server).toString(), Integer.toString(port), pids),
                layout.logFile(server), layout.pidFile(server)).start()));
        awaitReady(infrastructure.keySet());
    }

    private List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(INFRASTRUCTURE_JVM_OPTIONS);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a service's process (its database created first, if need be); returns its name. */
    private String launch(ServiceSpec spec) {
        PostgresServer.createDatabase(postgresPort(spec.name()), spec.database());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(spec.port()));
        properties.put("quarkus.management.port", Integer.toString(spec.managementPort()));
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl(spec.name()));
        properties.put("quarkus.datasource.username", PostgresServer.USER);
        properties.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        properties.put("kafka.bootstrap.servers", layout.bootstrapServers());
        properties.put("outreach.partners.file", layout.partnersFile().toString());
        properties.put("outreach.partners.check-interval", PARTNERS_CHECK);
        spec.government().ifPresent(government -> properties.put("outreach.event-signing.private-key",
                AgencyKeys.encodePrivate(eventKeys.get(government).getPrivate())));
        options.clockStart().ifPresent(start -> properties.put("outreach.clock.start", start.toString()));
        properties.putAll(spec.properties());
        properties.putAll(options.serviceProperties().getOrDefault(spec.name(), Map.of()));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options.serviceJvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar(options.repositoryRoot()).toString());
        ChildProcess process = new ChildProcess(spec.name(), command, layout.logFile(spec.name()), layout.servicePidFile(spec.name()));
        synchronized (this) {
            services.put(spec.name(), process.start());
        }
        return spec.name();
    }

    /** Waits until each named process is ready: a service answers UP on /q/health/ready, the broker or a database says so in its log. */
    private void awaitReady(Collection<String> names) {
        List<String> waiting = new ArrayList<>(names);
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting)) {
                ChildProcess process = process(name);
                if (!process.isAlive()) {
                    throw new StackException(description(name) + " exited during startup (exit code "
                            + process.exitCode().map(String::valueOf).orElse("?") + "). Last lines of " + process.logFile()
                            + ":" + System.lineSeparator() + process.tail(40));
                }
                if (isReady(name)) {
                    process.ready();
                    waiting.remove(name);
                    progress("ready: " + description(name) + (services.containsKey(name) ? " on " + spec(name).baseUrl() : ""));
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                ChildProcess first = process(waiting.get(0));
                throw new StackException("not ready within " + seconds(options.readyTimeout()) + ": " + waiting
                        + ". Last lines of " + first.logFile() + ":" + System.lineSeparator() + first.tail(40));
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    private boolean isReady(String name) {
        if (name.equals(KAFKA)) {
            return process(name).logContains(KafkaMain.READY);
        }
        if (postgresPorts.containsKey(name)) {
            return process(name).logContains(PostgresMain.READY);
        }
        try {
            StackHttp.Response response = http.get(spec(name).managementUrl() + "/q/health/ready", null);
            return response.status() == 200 && "UP".equals(response.json().path("status").asText());
        } catch (StackException e) {
            return false;
        }
    }

    private String description(String name) {
        if (name.equals(KAFKA)) {
            return "Kafka on " + layout.bootstrapServers();
        }
        if (postgresPorts.containsKey(name)) {
            return "PostgreSQL" + (name.equals(POSTGRES) ? "" : " of " + name.substring(POSTGRES.length() + 1)) + " on port "
                    + postgresPorts.get(name);
        }
        return spec(name).description();
    }

    void printWelcome() {
        Path tokensFile = layout.dataDir().resolve("tokens.env");
        Map<String, String> tokens = new LinkedHashMap<>();
        layout.governments().forEach(g -> tokens.put(g, token(g, agency(g))));
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
        out.printf(Locale.ROOT, "  %-26s %-24s %-40s %s%n", "service", "API", "Swagger UI (management port)", "health");
        specs.values().forEach(s -> out.printf(Locale.ROOT, "  %-26s %-24s %-40s %s%n", s.description(), s.baseUrl(),
                s.managementUrl() + "/q/swagger-ui", s.managementUrl() + "/q/health"));
        out.println("  Kafka " + layout.bootstrapServers() + ", PostgreSQL localhost:" + layout.postgresPort()
                + " (postgres/postgres), data and logs in " + layout.dataDir());
        out.println();
        out.println("Tokens (valid " + TOKEN_LIFETIME.toHours() + " h; " + layout.governments().stream()
                .map(g -> g + "/" + agency(g)).collect(Collectors.joining(", ")) + "), also in " + tokensFile + ":");
        out.println("Partners document (version " + PartnersFile.read(layout.partnersFile()).version() + ", read again every "
                + PARTNERS_CHECK.substring(2).toLowerCase(Locale.ROOT) + "): " + layout.partnersFile());
        out.print(env.toString().replaceAll("(?m)^", "  "));
        out.println();
        out.println(Examples.text(this));
        out.println();
        out.println("The partners' console: " + url(ServiceSpec.GATEWAY) + "/console (sign in by pasting a token above).");
        out.println("One-time console sign-in links (each opens one session; they expire after 30 minutes):");
        tokens.keySet().forEach(government -> out.println("  " + government + "  " + signInLink(government)));
    }

    /** A one-time console sign-in link for the government's agency, asked of the gateway with that agency's token. */
    public String signInLink(String government) {
        StackHttp.Response link = http.post(url(ServiceSpec.GATEWAY) + "/console-sign-in-links", bearer(government, agency(government)),
                Map.of(), "");
        if (link.status() != 201) {
            throw new StackException("the gateway refused a console sign-in link for " + government + ": " + link.status()
                    + " " + link.body());
        }
        return url(ServiceSpec.GATEWAY) + link.json().path("path").asText();
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
