package org.outreachexchange.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.outreachexchange.deploy.ChildProcess;
import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.TopicReader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * deploy/bench.sh: end-to-end latency, sustained ingest, outbox relay lag, footprint and replay of the whole exchange
 * on loopback, each beside a raw baseline measured in the same run. Prints a markdown table and writes it with the
 * raw numbers (JSON) to deploy/bench/results/.
 */
public final class BenchMain {

    private static final int INGEST_CONCURRENCY = 16;
    /**
     * The --quick guard's stream: low enough that two busy cores keep up, after a warm-up long enough for the code's
     * profile to settle (the JIT compilers' own CPU is reported beside, not judged).
     */
    private static final int GUARD_RATE = 50;
    private static final Duration GUARD_WARMUP = Duration.ofSeconds(60);
    private static final Duration GUARD_MEASURED = Duration.ofSeconds(30);
    static final String BASELINE = "deploy/bench/quick-baseline.json";
    private static final Pattern ACTIVITY_TOPICS = Pattern.compile("outreach\\.activities\\..+");

    private final Settings settings;
    private final Report report;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, Long> rssAfterStart = new LinkedHashMap<>();
    private final Map<String, Double> readyMs = new LinkedHashMap<>();
    private LocalStack stack;
    private RawKafka raw;
    private Api api;
    private Subscribers.Subscriber partner;

    private BenchMain(Settings settings) {
        this.settings = settings;
        this.report = new Report("Outreach Exchange benchmarks" + (settings.quick() ? " (--quick)" : ""), Machine.describe());
    }

    public static void main(String[] args) throws Exception {
        BenchMain bench = new BenchMain(Settings.parse(args));
        int rc = bench.runAll();
        System.exit(rc);
    }

    private int runAll() throws Exception {
        Path dir = settings.work().resolve("bench-" + run);
        int rc = 0;
        try (LocalStack s = Stack.start(settings, dir, Map.of()); Subscribers hooks = new Subscribers()) {
            stack = s;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.close();
                report.write(settings.results(), "bench-");
            }));
            describeInfrastructure();
            if (settings.jfr()) {
                report.machine("flight recordings (profile settings) by process id", stack.services().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().pid().map(String::valueOf).orElse("?")).toList());
            }
            raw = new RawKafka(stack.layout().bootstrapServers());
            stack.services().forEach((name, p) -> readyMs.put(name, p.readyAfter().orElseThrow().toNanos() / 1e6));
            stack.services().forEach((name, p) -> rssAfterStart.put(name, p.rssKib()));
            api = new Api(stack, 16);
            partner = hooks.subscriber("us");
            partner.secret = api.subscribe("US", partner.url()).secret();
            if (settings.guardOnly()) {
                rc = guard() ? 0 : 1;
                return rc;
            }
            if (settings.runs("e2e")) {
                // At the example rate, and at a lower one, to show the pipeline's own latency when the machine is not saturated.
                for (int rate : List.of(settings.e2eRate(), settings.e2eRate() / 4)) {
                    endToEnd(rate);
                }
            }
            if (settings.runs("ingest")) {
                ingest();
            }
            if (settings.runs("scale-out")) {
                scaleOut();
            }
            if (settings.runs("footprint")) {
                footprint();
            }
            if (settings.runs("replay")) {
                replay();
            }
        } catch (Exception e) {
            report.note("The run stopped early: " + e);
            e.printStackTrace();
            rc = 1;
        } finally {
            report.machine("load average at end", Machine.loadAverage());
            Path md = report.write(settings.results(), "bench-");
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("written: " + md + " and " + md.toString().replace(".md", ".json"));
        }
        return rc;
    }

    private void describeInfrastructure() {
        report.machine("PostgreSQL", "17.11 (embedded binaries, one launcher process each), fsync="
                + Stack.postgresSetting(stack, ServiceSpec.EVALUATION, "fsync") + ", synchronous_commit="
                + Stack.postgresSetting(stack, ServiceSpec.EVALUATION, "synchronous_commit") + ", full_page_writes="
                + Stack.postgresSetting(stack, ServiceSpec.EVALUATION, "full_page_writes") + "; JP scheduling-service on its own server (fsync="
                + Stack.postgresSetting(stack, ServiceSpec.scheduling("JP"), "fsync") + ")");
        report.machine("Kafka", "4.1.2, one KRaft node in its own JVM (" + String.join(" ", LocalStack.INFRASTRUCTURE_JVM_OPTIONS)
                + "), activity topics 1 partition with broker append time, other topics 3 partitions, producers acks=all");
        report.machine("services", "java " + String.join(" ", settings.serviceJvm()) + " -jar quarkus-run.jar, one at a time on loopback");
    }

    /** Agency POST → partner webhook, open loop at a fixed rate, beside raw Kafka produce→consume on the same broker. */
    private void endToEnd(int rate) throws Exception {
        String section = "e2e latency at " + rate + "/s";
        System.out.println("== " + section);
        Duration duration = settings.e2eDuration();
        RawKafka.Latencies baseline = raw.latency(rate, settings.warmup(), duration, 1024);
        Percentiles e2e = new Percentiles();
        String warm = "bench-" + run + "-warm" + rate + "-";
        String measured = "bench-" + run + "-e2e" + rate + "-";
        try (Load load = new Load(api, 32, Duration.ofSeconds(30), true);
             TopicReader jpTopic = TopicReader.followFromEnd(stack.layout().bootstrapServers(), ExchangeTopics.activityTopic("JP"))) {
            partner.onFirstArrival = (marker, nanos) -> {
                if (marker.startsWith(measured)) {
                    e2e.recordNanos(nanos - load.intended.get(marker));
                }
            };
            int warmCount = load.run(rate, settings.warmup(), List.of("JP"), warm);
            Pause.until(Duration.ofSeconds(120), () -> partner.delivered(warm) >= warmCount);
            Map<String, Duration> cpuBefore = cpuByProcess();
            long[] machineBefore = Machine.cpuJiffies();
            int count = load.run(rate, duration, List.of("JP"), measured);
            load.drain(Duration.ofSeconds(60));
            boolean all = Pause.until(Duration.ofSeconds(180), () -> partner.delivered(measured) >= count);
            long delivered = partner.delivered(measured);
            cpuPerActivity("e2e CPU at " + rate + "/s", cpuBefore, machineBefore, count);
            String note = count + " activities at " + rate + "/s for " + duration.toSeconds() + " s after " + settings.warmup().toSeconds()
                    + " s warm-up; " + delivered + " delivered" + (all ? "" : " (" + (count - delivered) + " not within 180 s)");
            double rawP99 = baseline.endToEnd().millis(99);
            report.add(new Report.Row(section, "p50", e2e.millis(50), "ms", "raw Kafka produce→consume p50", baseline.endToEnd().millis(50),
                    "≤ 20 ms", e2e.millis(50) <= 20, note));
            report.add(new Report.Row(section, "p99", e2e.millis(99), "ms", "raw Kafka produce→consume p99", rawP99,
                    "≤ 5× raw p99", e2e.millis(99) <= 5 * rawP99, null));
            report.add(new Report.Row(section, "p99.9", e2e.millis(99.9), "ms", "raw Kafka produce→consume p99.9",
                    baseline.endToEnd().millis(99.9), null, null, null));
            report.add(new Report.Row(section, "POST accepted p99 (from intended send)", load.accepted.millis(99), "ms", null, null, null, null,
                    "retried POSTs: " + load.failedAttempts.get()));
            Percentiles lag = relayLag(jpTopic, measured);
            double ackP99 = baseline.ack().millis(99);
            String relay = "relay lag at " + rate + "/s";
            report.add(new Report.Row(relay, "commit→consumer p50", lag.millis(50), "ms", "raw producer send→ack p50",
                    baseline.ack().millis(50), null, null, lag.count() + " events; from occurredAt (set just before commit) to receipt by a consumer"));
            report.add(new Report.Row(relay, "commit→consumer p99", lag.millis(99), "ms", "raw producer send→ack p99", ackP99,
                    "≤ 3× raw ack p99", lag.millis(99) <= 3 * ackP99, null));
            report.raw(section, Map.of("e2e", e2e.summary(), "rawKafkaEndToEnd", baseline.endToEnd().summary(),
                    "rawProducerAck", baseline.ack().summary(), "relayLag", lag.summary(), "postAccepted", load.accepted.summary()));
        } finally {
            partner.onFirstArrival = (marker, nanos) -> { };
        }
    }

    /**
     * The --quick guard: CPU per activity at {@link #GUARD_RATE} after a warm-up, beside the committed baseline; false
     * when the services together use more than 25 % more. With --update-baseline the run becomes the baseline.
     */
    private boolean guard() throws IOException {
        String section = "CPU guard at " + GUARD_RATE + "/s";
        System.out.println("== " + section);
        String warm = "bench-" + run + "-gwarm-";
        String measured = "bench-" + run + "-guard-";
        Map<String, Double> perActivity;
        try (Load load = new Load(api, 16, Duration.ofSeconds(30), true)) {
            int warmCount = load.run(GUARD_RATE, GUARD_WARMUP, List.of("JP"), warm);
            Pause.until(Duration.ofSeconds(120), () -> partner.delivered(warm) >= warmCount);
            Map<String, Duration> cpuBefore = cpuByProcess();
            long[] machineBefore = Machine.cpuJiffies();
            String loadBefore = Machine.loadAverage();
            int count = load.run(GUARD_RATE, GUARD_MEASURED, List.of("JP"), measured);
            load.drain(Duration.ofSeconds(60));
            boolean all = Pause.until(Duration.ofSeconds(120), () -> partner.delivered(measured) >= count);
            perActivity = cpuPerActivity(section, cpuBefore, machineBefore, count);
            report.note(section + ": " + count + " activities at " + GUARD_RATE + "/s for " + GUARD_MEASURED.toSeconds() + " s after "
                    + GUARD_WARMUP.toSeconds() + " s warm-up, " + partner.delivered(measured) + " delivered" + (all ? "" : " (not all within 120 s)")
                    + "; load average before " + loadBefore + ", after " + Machine.loadAverage());
            if (!all) {
                return false;
            }
        }
        Path file = settings.repository().resolve(BASELINE);
        if (settings.updateBaseline()) {
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("rate", GUARD_RATE);
            baseline.put("measured", Instant.now().toString());
            baseline.put("loadAverage", Machine.loadAverage());
            baseline.put("cpuPerActivityMs", CpuGuard.baselineOf(perActivity));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), baseline);
            report.note("baseline written to " + BASELINE + " from this run");
            return true;
        }
        if (!Files.isRegularFile(file)) {
            report.note("no baseline at " + BASELINE + ": run deploy/bench.sh --quick --update-baseline on a quiet machine and commit it");
            return false;
        }
        Map<String, Double> baseline = new ObjectMapper().convertValue(new ObjectMapper().readTree(file.toFile()).get("cpuPerActivityMs"),
                new TypeReference<Map<String, Double>>() { });
        CpuGuard.Verdict verdict = new CpuGuard(baseline).judge(perActivity);
        report.add(new Report.Row(section, "services CPU per activity, less JIT compiler threads", verdict.services(), "ms", "committed baseline (" + BASELINE + ")",
                verdict.baseline(), "≤ 1.25× baseline", verdict.passed(), verdict.detail()));
        return verdict.passed();
    }

    /** Each process's CPU so far, and under {@code <name>#jit} the part its JIT compiler threads used. */
    private Map<String, Duration> cpuByProcess() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        Map<String, ChildProcess> processes = new LinkedHashMap<>(stack.services());
        processes.put(LocalStack.KAFKA, stack.process(LocalStack.KAFKA));
        processes.forEach((name, process) -> {
            cpu.put(name, process.cpu());
            cpu.put(name + CpuGuard.JIT, process.pid().map(Machine::compilerCpu).orElse(Duration.ZERO));
        });
        return cpu;
    }

    /**
     * Outbox relay lag: each measured event's occurredAt (set by the service's clock in the transaction that commits the
     * change) to the wall-clock time a consumer on the topic received it; both are this machine's clock, in microseconds.
     */
    private static Percentiles relayLag(TopicReader topic, String titlePrefix) {
        Percentiles lag = new Percentiles();
        for (TopicReader.Received record : topic.records()) {
            if (record.json().path("title").asText().startsWith(titlePrefix)) {
                lag.recordMicros(ChronoUnit.MICROS.between(Instant.parse(record.json().get("occurredAt").asText()), record.receivedAt()));
            }
        }
        return lag;
    }

    private static double perActivity(Duration after, Duration before, int activities) {
        return after.minus(before == null ? Duration.ZERO : before).toNanos() / 1e6 / activities;
    }

    /** Where the CPU went while the measured activities were planned and delivered: the cause when latency queues up. */
    private Map<String, Double> cpuPerActivity(String section, Map<String, Duration> before, long[] machineBefore, int activities) {
        double busy = Machine.busyPercentSince(machineBefore);
        report.add(new Report.Row(section, "machine busy", busy, "% of all cores", null, null, null, null,
                "from the first measured POST until the last webhook arrived; includes PostgreSQL and this harness"));
        Map<String, Double> raw = new LinkedHashMap<>();
        Map<String, Duration> after = cpuByProcess();
        after.forEach((name, used) -> {
            if (name.endsWith(CpuGuard.JIT)) {
                return;
            }
            double millis = perActivity(used, before.get(name), activities);
            // A compiler thread that ended meanwhile takes its CPU out of the sum: never below zero, at times an underestimate.
            double jit = Math.max(0, perActivity(after.get(name + CpuGuard.JIT), before.get(name + CpuGuard.JIT), activities));
            raw.put(name, millis);
            raw.put(name + CpuGuard.JIT, jit);
            report.add(new Report.Row(section, name + " CPU per activity", millis, "ms", null, null, null, null,
                    String.format(Locale.ROOT, "of which JIT compiler threads %.3f ms", jit)));
        });
        report.raw(section, raw);
        return raw;
    }

    /** Steps the rate up until POSTs are no longer all accepted in time or deliveries fall behind; then pgbench. */
    private void ingest() {
        String section = "sustained ingest";
        System.out.println("== " + section);
        Duration step = settings.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(20);
        warmUp("iw", List.of("JP"));
        int best = ramp(section, "step", List.of("JP"), List.of(25, 50, 100, 200, 400, 800, 1600), step);
        PgBaseline pg = new PgBaseline(stack.postgresPort(ServiceSpec.scheduling("JP")), settings.repository(), settings.work());
        PgBaseline.Result result;
        try {
            pg.prepare();
            result = pg.run(INGEST_CONCURRENCY, step);
        } catch (RuntimeException e) {
            // The rate measured stands; the sections after this one still run.
            report.add(new Report.Row(section, "highest sustained rate", best, "activities/s", "pgbench insert-plus-outbox", null, "≥ 0.5× pgbench",
                    null, "the pgbench baseline failed: " + e.getMessage().lines().filter(l -> l.contains("ERROR")).findFirst().orElse(e.getMessage())));
            report.raw(section, Map.of("bestRate", best));
            return;
        }
        report.add(new Report.Row(section, "highest sustained rate", best, "activities/s", "pgbench insert-plus-outbox, " + INGEST_CONCURRENCY + " clients",
                result.tps(), "≥ 0.5× pgbench", best >= 0.5 * result.tps(),
                "steps of " + step.toSeconds() + " s, " + INGEST_CONCURRENCY + " client connections, posting as JP, one partner webhook; "
                        + result.tool() + String.format(Locale.ROOT, " avg latency %.2f ms", result.latencyMs())));
        report.raw(section, Map.of("pgbenchTps", result.tps(), "pgbenchTool", result.tool(), "bestRate", best));
    }

    /**
     * Posts at each rate in turn for {@code step} (round-robin over {@code governments}, whose activities the US partner
     * receives) until a step is not sustained: every POST accepted, the client's queue under half a second of work,
     * POST p99 ≤ 1 s, and every webhook at the partner within 10 s of the last POST. Returns the highest sustained rate.
     */
    private int ramp(String section, String label, List<String> governments, List<Integer> rates, Duration step) {
        int best = 0;
        for (int rate : rates) {
            String prefix = "bench-" + run + "-" + label.replaceAll("[^a-z0-9]", "") + rate + "-";
            try (Load load = new Load(api, INGEST_CONCURRENCY, Duration.ofSeconds(10), false)) {
                long[] machineBefore = Machine.cpuJiffies();
                int count = load.run(rate, step, governments, prefix);
                int queuedAtEnd = load.queued();
                load.drain(Duration.ofSeconds(60));
                long acceptedAt = System.nanoTime();
                long undelivered = load.acceptedCount.get() - partner.delivered(prefix);
                boolean delivered = Pause.until(Duration.ofSeconds(10), () -> partner.delivered(prefix) >= load.acceptedCount.get());
                double deliverySeconds = (System.nanoTime() - acceptedAt) / 1e9;
                double busy = Machine.busyPercentSince(machineBefore);
                long accepted = load.acceptedCount.get();
                boolean allAccepted = accepted == count;
                boolean clientKeptUp = queuedAtEnd <= rate / 2 && load.accepted.millis(99) <= 1000;
                boolean sustained = allAccepted && clientKeptUp && delivered;
                report.add(new Report.Row(section, label + " " + rate + "/s", accepted / (double) step.toSeconds(), "accepted/s", null, null, null, null,
                        String.format(Locale.ROOT, "%d/%d accepted, POST p99 %.0f ms, client queue at end %d, undelivered after last POST %d, %s, machine %.0f %% busy",
                                accepted, count, load.accepted.millis(99), queuedAtEnd, undelivered,
                                delivered ? String.format(Locale.ROOT, "all delivered %.1f s after", deliverySeconds)
                                        : "not all delivered within 10 s (" + partner.delivered(prefix) + ")", busy)
                                + (sustained ? "" : " → not sustained")));
                if (!sustained) {
                    break;
                }
                best = rate;
            }
        }
        return best;
    }

    /**
     * The same ramp with one gateway and one evaluation-service, then with a second replica of each on the same
     * database and consumer groups. JP and AU post, so the two activity topics (one partition each) can be split
     * between two replicas; each ramp follows a warm-up, so the added replicas are not judged cold.
     */
    private void scaleOut() {
        String section = "scale-out";
        System.out.println("== " + section);
        Duration step = settings.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(20);
        List<String> governments = List.of("JP", "AU");
        List<Integer> rates = List.of(25, 50, 75, 100, 150, 200, 300, 400);
        warmUp("sw1", governments);
        int one = ramp(section, "1 replica", governments, rates, step);
        String gateway2 = ServiceSpec.GATEWAY + "-2";
        String evaluation2 = ServiceSpec.EVALUATION + "-2";
        Stack.addReplica(stack, settings, gateway2, ServiceSpec.GATEWAY, 8121, Map.of());
        Stack.addReplica(stack, settings, evaluation2, ServiceSpec.EVALUATION, 8111, Map.of());
        int two;
        try {
            warmUp("sw2", governments);
            two = ramp(section, "2 replicas", governments, rates, step);
        } finally {
            stack.stop(gateway2);
            stack.stop(evaluation2);
        }
        report.add(new Report.Row(section, "highest sustained rate, 2 replicas beside 1", two, "activities/s", "1 replica of each, same run",
                (double) one, "more than 1 replica", two > one,
                "gateway and evaluation-service replicas on one database and consumer group, all on this machine's cores; "
                        + "JP and AU posting, the US partner's webhook receiving"));
        report.raw(section, Map.of("oneReplica", one, "twoReplicas", two));
    }

    /** The guard's rate for twice the warm-up, until all of it is delivered: a ramp's first step should not meet cold code. */
    private void warmUp(String label, List<String> governments) {
        String warm = "bench-" + run + "-" + label + "-";
        try (Load load = new Load(api, INGEST_CONCURRENCY, Duration.ofSeconds(30), true)) {
            int count = load.run(GUARD_RATE, settings.warmup().multipliedBy(2), governments, warm);
            load.drain(Duration.ofSeconds(60));
            Pause.until(Duration.ofSeconds(120), () -> partner.delivered(warm) >= count);
        }
    }

    /** Time to first successful request and RSS, beside the hello-world app with the same extensions. */
    private void footprint() throws Exception {
        String section = "footprint";
        System.out.println("== " + section);
        Map<String, Long> rssAfterLoad = new LinkedHashMap<>();
        stack.services().forEach((name, p) -> rssAfterLoad.put(name, p.rssKib()));
        double helloReady = Stack.startHello(stack, settings).toNanos() / 1e6;
        ChildProcess helloProcess = stack.process(Stack.HELLO);
        long helloRss = helloProcess.rssKib();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(stack.url(Stack.HELLO) + "/hello");
        OpenLoop.run(200, Duration.ofSeconds(10), (i, t) -> http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()));
        Pause.millis(1000);
        long helloRssLoaded = helloProcess.rssKib();
        for (String name : readyMs.keySet()) {
            report.add(new Report.Row(section, name + " time to first request", readyMs.get(name), "ms", "hello-world", helloReady,
                    "≤ 1.2× hello", readyMs.get(name) <= 1.2 * helloReady, null));
            report.add(new Report.Row(section, name + " RSS after start", rssAfterStart.get(name) / 1024.0, "MiB", "hello-world", helloRss / 1024.0,
                    "≤ 1.2× hello", rssAfterStart.get(name) <= 1.2 * helloRss, null));
            report.add(new Report.Row(section, name + " RSS after load", rssAfterLoad.get(name) / 1024.0, "MiB", "hello-world after 2,000 GETs",
                    helloRssLoaded / 1024.0, "≤ 1.2× hello", rssAfterLoad.get(name) <= 1.2 * helloRssLoaded, null));
        }
        report.note("Footprint: time to first request is from process start to the first 200 from /q/health/ready (database and broker"
                + " connections up); each service started alone. The hello-world app (deploy/bench/hello) has the same Quarkus extensions, one entity,"
                + " one Flyway script and one Kafka consumer channel.");
        stack.stop(Stack.HELLO);
    }

    /** Rebuilds the evaluation-service's and the gateway's state from activity events on a fresh broker. */
    private void replay() {
        String section = "replay";
        System.out.println("== " + section);
        stack.services().keySet().forEach(stack::stop);
        stack.freshKafka();
        int count = settings.replayEvents();
        int perGovernment = count / Stack.GOVERNMENTS.size();
        double produced = 0;
        for (String government : Stack.GOVERNMENTS) {
            String topic = ExchangeTopics.activityTopic(government);
            // Sealed as the government's chain from its first link, as the consumers (on empty databases) expect.
            ActivityTopicWriter.Chain chain = new ActivityTopicWriter.Chain(government, stack.eventPrivateKey(government));
            produced += raw.produce(topic, perGovernment, i -> event(topic, government, chain, i));
        }
        int total = perGovernment * Stack.GOVERNMENTS.size();
        double rawRate = raw.consumeAll(ACTIVITY_TOPICS.pattern(), total);
        Duration limit = settings.quick() ? Duration.ofSeconds(120) : Duration.ofSeconds(600);
        for (String[] service : List.of(new String[]{ServiceSpec.EVALUATION, "evaluation-service"}, new String[]{ServiceSpec.GATEWAY, "exchange-gateway"})) {
            stack.resetDatabase(service[0]);
            stack.restart(service[0]);
            long start = System.nanoTime();
            long[] lag = {total};
            boolean done = Pause.until(limit, () -> {
                lag[0] = ExchangeTopics.lag(stack.layout().bootstrapServers(), service[1], ACTIVITY_TOPICS);
                return lag[0] == 0;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long consumed = total - lag[0];
            report.add(new Report.Row(section, service[0] + " events/s", consumed / seconds, "events/s", "raw KafkaConsumer, same topics",
                    rawRate, null, null, (done ? "all " + total : consumed + " of " + total + " (time limit " + limit.toSeconds() + " s)")
                    + String.format(Locale.ROOT, " in %.0f s from ready, fresh database and consumer group", seconds)));
            stack.stop(service[0]);
        }
        report.raw(section, Map.of("events", total, "producedPerSecond", produced / Stack.GOVERNMENTS.size(), "rawConsumerPerSecond", rawRate));
    }

    /** A planned-activity event as the scheduling-service writes it: binary CloudEvent sealed as the chain's next, key = activity id. */
    static ProducerRecord<String, String> event(String topic, String government, ActivityTopicWriter.Chain chain, int i) {
        String id = UUID.randomUUID().toString();
        String value = "{\"activityId\":\"" + id + "\",\"version\":1,\"organizer\":\"" + government + "\",\"type\":\"INDUSTRY_OUTREACH_SEMINAR\","
                + "\"title\":\"replay " + government + " " + i + "\",\"recipients\":[\"" + Workload.recipient(i) + "\"],"
                + "\"schedule\":{\"precision\":\"DATES\",\"month\":null,\"start\":\"" + Workload.start(i) + "\",\"end\":\""
                + Workload.start(i).plusDays(1) + "\"},"
                + "\"period\":{\"first\":\"" + Workload.start(i) + "\",\"last\":\"" + Workload.start(i).plusDays(1) + "\"},"
                + "\"location\":\"Kuala Lumpur\",\"agenda\":[\"Opening\",\"Catch-all controls\"],"
                + "\"objectives\":[{\"element\":\"INDUSTRY_COOPERATION\",\"text\":\"Introduce internal compliance programmes\"}],"
                + "\"status\":\"PLANNED\",\"distribution\":{\"scope\":\"ALL_PARTNERS\",\"governments\":[]},\"results\":null,"
                + "\"cancellationReason\":null,\"occurredAt\":\"" + Instant.now() + "\"}";
        return ActivityTopicWriter.record(topic, id, chain.seal(id, UUID.randomUUID().toString(), "outreach.activity.planned", value), value);
    }
}
