package org.outreachexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;
import org.outreachexchange.infra.WebhookReceiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * deploy/fault-injection.sh: streams activities from three governments at a fixed rate while one fault at a time is
 * injected (broker SIGKILL and SIGSTOP, each service SIGKILLed, one of two gateway and two evaluation replicas
 * SIGKILLed, one scheduling-service's PostgreSQL killed), then
 * counts what every subscriber and the evaluation received: nothing may be lost or take effect twice. Then the
 * subscriber faults: 500s, timeouts, 429 with Retry-After, 410, dead letters and their replay, signatures.
 */
public final class FaultInjectionMain {

    /** Short retry timings, so retries and dead letters happen within the time box; stated in the output. */
    private static final Map<String, String> GATEWAY = Map.of(
            "outreach.delivery.initial-backoff", "PT1S",
            "outreach.delivery.max-backoff", "PT8S",
            "outreach.delivery.max-attempts", "4",
            "outreach.delivery.request-timeout", "PT2S",
            "outreach.delivery.jitter", "0.2",
            // A killed replica's deliveries go out again from the other after this; at least twice the request timeout.
            "outreach.delivery.lease", "PT10S");
    private static final double JITTER = 0.2;
    /** The gateway's worker wakes when a retry falls due; this allows for reading, signing and sending it on a busy machine. */
    private static final long SLACK_MS = 500;
    private static final Duration STALL = Duration.ofSeconds(90);

    /** A fault injected into a stream; {@code setUp} runs before the stream and {@code tearDown} once it is counted. */
    private record Fault(String code, String description, Runnable setUp, Runnable inject, Runnable tearDown) {

        Fault(String code, String description, Runnable inject) {
            this(code, description, () -> { }, inject, () -> { });
        }
    }

    /** The second replicas of the scale-out scenario: on the stack's broker, database and consumer groups. */
    private static final String GATEWAY_2 = ServiceSpec.GATEWAY + "-2";
    private static final String EVALUATION_2 = ServiceSpec.EVALUATION + "-2";

    private final Settings settings;
    private final Report report;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private LocalStack stack;
    private Api api;
    private Counts counts;
    private final Map<String, Subscribers.Subscriber> partners = new LinkedHashMap<>();

    private FaultInjectionMain(Settings settings) {
        this.settings = settings;
        this.report = new Report("Outreach Exchange fault injection" + (settings.quick() ? " (--quick)" : ""), Machine.describe());
    }

    public static void main(String[] args) {
        System.exit(new FaultInjectionMain(Settings.parse(args)).runAll());
    }

    private int runAll() {
        Path dir = settings.work().resolve("faults-" + run);
        int rc = 0;
        try (LocalStack s = Stack.start(settings, dir, GATEWAY); Subscribers hooks = new Subscribers()) {
            stack = s;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.close();
                report.write(settings.results(), "faults-");
            }));
            report.machine("PostgreSQL", "17.11, fsync=" + Stack.postgresSetting(stack, ServiceSpec.EVALUATION, "fsync")
                    + ", synchronous_commit=" + Stack.postgresSetting(stack, ServiceSpec.EVALUATION, "synchronous_commit")
                    + "; JP scheduling-service on its own server");
            report.machine("gateway delivery settings", GATEWAY.toString());
            api = new Api(stack, 16);
            counts = new Counts(stack);
            for (String government : Stack.GOVERNMENTS) {
                Subscribers.Subscriber partner = hooks.subscriber(government.toLowerCase(Locale.ROOT));
                partner.secret = api.subscribe(government, partner.url()).secret();
                partners.put(government, partner);
            }
            for (Fault fault : settings.subscriberFaultsOnly() ? List.<Fault>of() : faults()) {
                if (settings.runs(fault.code()) && !scenario(fault)) {
                    rc = 1;
                }
            }
            if (settings.runs("subscribers") && !subscriberFaults(hooks)) {
                rc = 1;
            }
        } catch (Exception e) {
            report.note("The run stopped early: " + e);
            e.printStackTrace();
            rc = 1;
        } finally {
            Path md = report.write(settings.results(), "faults-");
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("written: " + md + " and " + md.toString().replace(".md", ".json"));
        }
        return rc;
    }

    private List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("kafka-kill", "Kafka broker SIGKILLed, restarted after 3 s", () -> {
            stack.kill(LocalStack.KAFKA);
            Pause.millis(3000);
            stack.restart(LocalStack.KAFKA);
        }));
        faults.add(new Fault("kafka-stop", "Kafka broker SIGSTOPped for 10 s, then SIGCONT", () -> {
            stack.process(LocalStack.KAFKA).pause();
            Pause.millis(10_000);
            stack.process(LocalStack.KAFKA).resume();
        }));
        for (String service : List.copyOf(stack.services().keySet())) {
            faults.add(new Fault(service + "-kill", service + " SIGKILLed and restarted", () -> {
                stack.kill(service);
                stack.restart(service);
            }));
        }
        faults.add(new Fault("scale-out", "two gateways and two evaluation-services; one of each SIGKILLed, the other carries on",
                () -> {
                    Stack.addReplica(stack, settings, GATEWAY_2, ServiceSpec.GATEWAY, 8121, GATEWAY);
                    Stack.addReplica(stack, settings, EVALUATION_2, ServiceSpec.EVALUATION, 8111, Map.of());
                },
                () -> {
                    // Killed while it holds deliveries in flight, so the other replica must take those over.
                    long pid = stack.process(ServiceSpec.GATEWAY).pid().orElseThrow();
                    long[] held = {0};
                    Pause.until(Duration.ofSeconds(60), () -> (held[0] = counts.gatewayLeasesHeldBy(pid)) > 0);
                    stack.kill(ServiceSpec.GATEWAY);
                    stack.kill(ServiceSpec.EVALUATION);
                    report.note("scale-out: the killed gateway held leases on " + held[0] + " deliveries in flight");
                },
                () -> {
                    stack.restart(ServiceSpec.EVALUATION);
                    stack.restart(ServiceSpec.GATEWAY);
                    stack.stop(GATEWAY_2);
                    stack.stop(EVALUATION_2);
                }));
        faults.add(new Fault("pg-jp-kill", "PostgreSQL of the JP scheduling-service SIGKILLed, restarted after 3 s", () -> {
            String postgres = stack.postgresOf(ServiceSpec.scheduling("JP"));
            stack.kill(postgres);
            Pause.millis(3000);
            stack.restart(postgres);
        }));
        return faults;
    }

    /** One stream with one fault in it; returns whether nothing was lost or doubled. */
    private boolean scenario(Fault fault) throws InterruptedException {
        System.out.println("== " + fault.description());
        String prefix = "bench-" + run + "-" + fault.code() + "-";
        int total = settings.faultActivities();
        int rate = settings.faultRate();
        Duration streamFor = Duration.ofMillis(total * 1000L / rate);
        fault.setUp().run();
        try (Load load = new Load(api, 48, Duration.ofSeconds(5), true)) {
            Thread stream = new Thread(() -> load.run(rate, streamFor, Stack.GOVERNMENTS, prefix), "stream");
            long streamStart = System.nanoTime();
            stream.start();
            Pause.millis(streamFor.toMillis() * 3 / 10);
            long faultAt = System.nanoTime();
            fault.inject().run();
            double recoveredSeconds = (System.nanoTime() - faultAt) / 1e9;
            stream.join();
            load.drain(Duration.ofMinutes(5));
            long streamEnd = System.nanoTime();
            boolean complete = settle(prefix, total);
            double drainSeconds = (System.nanoTime() - streamEnd) / 1e9;
            long lost = 0;
            long duplicated = 0;
            StringBuilder detail = new StringBuilder();
            for (String government : Stack.GOVERNMENTS) {
                Subscribers.Subscriber partner = partners.get(government);
                long got = partner.delivered(prefix);
                long own = partner.firstArrival.keySet().stream().filter(m -> m.startsWith(prefix) && organizer(m).equals(government)).count();
                long want = expected(total, government);
                lost += Math.max(0, want - (got - own));
                duplicated += partner.duplicatedEffects(prefix);
                detail.append(government).append(' ').append(got - own).append('/').append(want).append(", ");
                long planned = counts.scheduled(government, prefix);
                duplicated += Math.max(0, planned - (total - expected(total, government)));
            }
            long tracked = counts.evaluationTracked(prefix);
            long gatewayActivities = counts.gatewayActivities(prefix);
            long doubledFeed = counts.gatewayDuplicatedFeedEntries(prefix);
            lost += Math.max(0, total - tracked);
            duplicated += doubledFeed;
            double steady = steadyStateSeconds(load, prefix, streamStart, faultAt);
            String section = "fault: " + fault.description();
            report.add(new Report.Row(section, "lost (subscribers + evaluation)", lost, "activities", null, null, "0", lost == 0,
                    "delivered " + detail + "evaluation tracked " + tracked + "/" + total + ", gateway holds " + gatewayActivities
                            + (complete ? "" : " (stopped waiting: no progress for " + STALL.toSeconds() + " s)")));
            report.add(new Report.Row(section, "duplicated effects", duplicated, "", null, null, "0", duplicated == 0,
                    "distinct webhook-ids per activity and subscriber, planned rows per Idempotency-Key, gateway feed entries; redeliveries of a webhook-id (allowed): "
                            + partners.values().stream().mapToLong(Subscribers.Subscriber::redeliveries).sum()));
            report.add(new Report.Row(section, "time back to steady state", steady, "s", null, null, null, null,
                    String.format(Locale.ROOT, "fault injected %.1f s into a %d s stream of %d activities at %d/s; fault and restart took %.1f s; POST retries %d",
                            (faultAt - streamStart) / 1e9, streamFor.toSeconds(), total, rate, recoveredSeconds, load.failedAttempts.get())));
            report.add(new Report.Row(section, "everything delivered and tracked, after the last POST", complete ? drainSeconds : Double.NaN, "s",
                    null, null, null, null, "how long the subscribers and the evaluation took to catch up with the whole stream"));
            return lost == 0 && duplicated == 0;
        } finally {
            fault.tearDown().run();
        }
    }

    /**
     * Waits while the subscribers and the evaluation are still catching up, so a slow consumer is not counted as a
     * loss: gives up only when nothing has arrived for {@link #STALL} (or after an hour).
     */
    private boolean settle(String prefix, int total) {
        long last = -1;
        long lastProgress = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (System.nanoTime() < deadline) {
            long arrived = counts.evaluationTracked(prefix) + Stack.GOVERNMENTS.stream().mapToLong(g -> partners.get(g).delivered(prefix)).sum();
            boolean done = counts.evaluationTracked(prefix) >= total
                    && Stack.GOVERNMENTS.stream().allMatch(g -> partners.get(g).delivered(prefix) >= expected(total, g));
            if (done) {
                return true;
            }
            if (arrived != last) {
                last = arrived;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                return false;
            }
            Pause.millis(500);
        }
        return false;
    }

    private static long expected(int total, String government) {
        int index = Stack.GOVERNMENTS.indexOf(government);
        long own = total / 3 + (index < total % 3 ? 1 : 0);
        return total - own;
    }

    private static String organizer(String marker) {
        int seq = Integer.parseInt(marker.substring(marker.lastIndexOf('-') + 1));
        return Stack.GOVERNMENTS.get(seq % Stack.GOVERNMENTS.size());
    }

    /**
     * From the fault until delivery latency is back to normal: the first activity sent after the fault from which on
     * every activity reached every partner within max(2 × the pre-fault p99, pre-fault p99 + 0.5 s) of its intended time.
     */
    private double steadyStateSeconds(Load load, String prefix, long streamStart, long faultAt) {
        Percentiles before = new Percentiles();
        List<long[]> after = new ArrayList<>();
        for (Map.Entry<String, Long> e : load.intended.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            long worst = 0;
            for (String government : Stack.GOVERNMENTS) {
                if (government.equals(organizer(e.getKey()))) {
                    continue;
                }
                Long arrived = partners.get(government).firstArrival.get(e.getKey());
                worst = Math.max(worst, arrived == null ? Long.MAX_VALUE / 4 : arrived - e.getValue());
            }
            if (e.getValue() < faultAt) {
                before.recordNanos(worst);
            } else {
                after.add(new long[]{e.getValue(), worst});
            }
        }
        long normal = (long) Math.max(2 * before.micros(99), before.micros(99) + 500_000) * 1000;
        after.sort((a, b) -> Long.compare(a[0], b[0]));
        long settledFrom = -1;
        for (int i = after.size() - 1; i >= 0; i--) {
            if (after.get(i)[1] > normal) {
                break;
            }
            settledFrom = after.get(i)[0];
        }
        return settledFrom < 0 ? Double.NaN : (settledFrom - faultAt) / 1e9;
    }

    /** 500s, timeouts, 429 with Retry-After and 410 at the subscriber; dead letters replayed; every signature checked. */
    private boolean subscriberFaults(Subscribers hooks) {
        System.out.println("== subscriber faults");
        String section = "subscriber faults";
        Map<String, Subscribers.Subscriber> subs = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("err500", "timeout", "limit429", "gone410", "dead")) {
            Subscribers.Subscriber s = hooks.subscriber(name);
            Api.Subscribed subscribed = api.subscribe("US", s.url());
            s.secret = subscribed.secret();
            subs.put(name, s);
            ids.put(name, subscribed.id());
        }
        subs.get("err500").respond((id, n) -> n <= 2 ? new WebhookReceiver.Answer(500, Duration.ZERO, null) : WebhookReceiver.Answer.OK);
        subs.get("timeout").respond((id, n) -> n == 1 ? new WebhookReceiver.Answer(204, Duration.ofSeconds(3), null) : WebhookReceiver.Answer.OK);
        subs.get("limit429").respond((id, n) -> n == 1 ? new WebhookReceiver.Answer(429, Duration.ZERO, "3") : WebhookReceiver.Answer.OK);
        subs.get("gone410").respond((id, n) -> new WebhookReceiver.Answer(410, Duration.ZERO, null));
        subs.get("dead").respond((id, n) -> new WebhookReceiver.Answer(500, Duration.ZERO, null));
        String prefix = "bench-" + run + "-subscriber-";
        int count = 20;
        try (Load load = new Load(api, 8, Duration.ofSeconds(10), true)) {
            load.run(10, Duration.ofSeconds(count / 10), List.of("JP"), prefix);
            load.drain(Duration.ofMinutes(1));
        }
        boolean ok = true;
        for (String name : List.of("err500", "timeout", "limit429")) {
            Subscribers.Subscriber s = subs.get(name);
            boolean all = Pause.until(Duration.ofSeconds(90), () -> s.delivered(prefix) >= count);
            long violations = 0;
            long retried = 0;
            for (List<Subscribers.Call> calls : s.callsByWebhookId.values()) {
                List<Subscribers.Call> copy;
                synchronized (calls) {
                    copy = List.copyOf(calls);
                }
                for (int i = 1; i < copy.size(); i++) {
                    retried++;
                    double gapMs = (copy.get(i).nanos() - copy.get(i - 1).nanos()) / 1e6;
                    double[] window = window(name, i);
                    if (gapMs < window[0] || gapMs > window[1]) {
                        violations++;
                        report.note(String.format(Locale.ROOT, "%s: attempt %d came %.0f ms after the previous one, outside [%.0f, %.0f] ms",
                                name, i + 1, gapMs, window[0], window[1]));
                    }
                }
            }
            ok &= all && violations == 0;
            report.add(new Report.Row(section, name + ": retries off schedule", violations, "", null, null, "0", all && violations == 0,
                    s.delivered(prefix) + "/" + count + " delivered after " + retried + " retries; expected gaps: " + expectation(name)));
        }
        Subscribers.Subscriber gone = subs.get("gone410");
        boolean disabled = Pause.until(Duration.ofSeconds(30), () -> !api.subscription("US", ids.get("gone410")).path("active").asBoolean(true));
        long callsAtDisable = gone.requests.get();
        Pause.millis(5000);
        long lateCalls = gone.requests.get() - callsAtDisable;
        ok &= disabled && lateCalls == 0;
        report.add(new Report.Row(section, "gone410: calls after the subscription was disabled", lateCalls, "", null, null, "0",
                disabled && lateCalls == 0, (disabled ? "disabled" : "NOT disabled") + " after " + callsAtDisable + " calls"));
        Subscribers.Subscriber dead = subs.get("dead");
        AtomicReference<List<JsonNode>> found = new AtomicReference<>(List.of());
        boolean allDead = Pause.until(Duration.ofSeconds(90), () -> {
            found.set(api.deadLetters("US", ids.get("dead")));
            return found.get().size() >= count;
        });
        List<JsonNode> letters = found.get();
        dead.respond((id, n) -> WebhookReceiver.Answer.OK);
        for (JsonNode letter : letters) {
            api.replay("US", ids.get("dead"), letter.get("id").asText());
        }
        boolean replayed = Pause.until(Duration.ofSeconds(60), () -> dead.delivered(prefix) >= count);
        long sameId = letters.stream().filter(l -> {
            List<Subscribers.Call> calls = dead.callsByWebhookId.get(l.get("id").asText());
            return calls != null && calls.stream().anyMatch(c -> c.answered() >= 500) && calls.stream().anyMatch(c -> c.answered() < 300);
        }).count();
        ok &= allDead && replayed && sameId == letters.size();
        report.add(new Report.Row(section, "dead letters replayed and delivered", dead.delivered(prefix), "activities", null, null, count + "",
                allDead && replayed && sameId == letters.size(), letters.size() + " dead letters after " + GATEWAY.get("outreach.delivery.max-attempts")
                        + " attempts; " + sameId + " delivered on replay under their original webhook-id"));
        long bad = partners.values().stream().mapToLong(p -> p.badSignatures.get()).sum() + subs.values().stream().mapToLong(p -> p.badSignatures.get()).sum();
        long requests = partners.values().stream().mapToLong(p -> p.requests.get()).sum() + subs.values().stream().mapToLong(p -> p.requests.get()).sum();
        ok &= bad == 0;
        report.add(new Report.Row(section, "signatures that did not verify", bad, "", null, null, "0", bad == 0, "of " + requests + " webhook requests in the whole run"));
        return ok;
    }

    /** Allowed gap before attempt i+1 (1-based i = failures so far), in ms: the backoff ± jitter, plus some slack. */
    private static double[] window(String name, int failures) {
        double slack = SLACK_MS;
        return switch (name) {
            case "err500" -> {
                double base = 1000.0 * (1L << (failures - 1));
                yield new double[]{base * (1 - JITTER) - 50, base * (1 + JITTER) + slack};
            }
            case "timeout" -> new double[]{2000 + 1000 * (1 - JITTER) - 50, 3000 + 1000 * (1 + JITTER) + slack};
            default -> new double[]{3000 - 50, 3000 + slack};
        };
    }

    private static String expectation(String name) {
        return switch (name) {
            case "err500" -> "1 s, then 2 s (±20 %)";
            case "timeout" -> "request timeout 2 s + 1 s (±20 %)";
            default -> "Retry-After 3 s";
        };
    }
}
