package org.outreachexchange.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.fuzz.Effects;
import org.outreachexchange.infra.fuzz.FuzzClient;
import org.outreachexchange.infra.fuzz.FuzzExamples;
import org.outreachexchange.infra.fuzz.FuzzReport;
import org.outreachexchange.infra.fuzz.FuzzRequests;
import org.outreachexchange.infra.fuzz.FuzzTargets;
import org.outreachexchange.infra.fuzz.Fuzzer;
import org.outreachexchange.infra.fuzz.TableCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * deploy/fuzz.sh: the full fuzz run of issue 12. Starts its own stack on loopback (as the bench does), then sends each
 * service (gateway, evaluation, JP scheduling, in that order so that no service upstream of the one being fuzzed
 * publishes meanwhile) generated requests one at a time, and checks every answer: no 5xx, every 4xx a problem, and a
 * refused request stores nothing (row counts of every table of the service's database, the outbox included) and
 * publishes nothing (end offsets of the topics the service writes, read once its outbox is drained). Prints the table
 * and writes it into deploy/bench/RESULTS.md and README.md between their fuzz markers, and in full, with every failure,
 * to deploy/bench/results/fuzz-<time>.md.
 */
public final class FuzzMain {

    static final String START = "<!-- fuzz-results:start -->";
    static final String END = "<!-- fuzz-results:end -->";
    private static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);

    /** One fuzzed service: its process, the government and agency it is called as, whose token it may refuse, its topics. */
    private record Subject(String process, String label, String government, String agency, String other, List<String> topics,
                           Map<String, List<String>> examples) {
    }

    private static final List<Subject> SUBJECTS = List.of(
            new Subject(ServiceSpec.GATEWAY, "exchange-gateway", "US", "EXBS", "JP", List.of("outreach.notices", "outreach.dlq.exchange-gateway"),
                    FuzzExamples.GATEWAY),
            new Subject(ServiceSpec.EVALUATION, "evaluation-service", "JP", "METI", "US",
                    List.of("outreach.evaluations", "outreach.dlq.evaluation-service"), FuzzExamples.EVALUATION),
            new Subject(ServiceSpec.scheduling("JP"), "scheduling-service (JP)", "JP", "METI", "US", List.of("outreach.activities.jp"),
                    FuzzExamples.SCHEDULING));

    public static void main(String[] args) throws Exception {
        int requests = 10_000;
        long seed = 2008_06_24L;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        Settings settings = Settings.parse(rest.toArray(String[]::new));
        System.exit(run(settings, requests, seed));
    }

    private static int run(Settings settings, int requests, long seed) throws Exception {
        Path dir = settings.work().resolve("fuzz-" + UUID.randomUUID().toString().substring(0, 6));
        List<FuzzReport> reports = new ArrayList<>();
        Instant started = Instant.now();
        try (LocalStack stack = Stack.start(settings, dir, Map.of())) {
            for (Subject subject : SUBJECTS) {
                System.out.println("== fuzzing " + subject.label() + " with " + requests + " requests, seed " + seed);
                ServiceSpec spec = stack.spec(subject.process());
                URI base = URI.create(spec.baseUrl());
                FuzzRequests generator = new FuzzRequests(seed, FuzzTargets.read(URI.create(spec.managementUrl() + "/q/openapi")),
                        credentials(stack, subject), subject.examples());
                try (StackEffects effects = new StackEffects(stack, subject)) {
                    settle(subject, effects);
                    FuzzReport report = new Fuzzer(subject.label(), generator, new FuzzClient(base, Duration.ofSeconds(30)), effects)
                            .progressEvery(1_000).run(requests);
                    System.out.println(report.summary());
                    reports.add(report);
                }
            }
        }
        String table = table(reports, started);
        System.out.println();
        System.out.println(table);
        write(settings, reports, table);
        return reports.stream().allMatch(FuzzReport::passed) ? 0 : 1;
    }

    /**
     * Waits until the service has nothing left to do from before (the evaluation-service's Annex I seed events reach
     * the gateway after both are ready; the previous service's accepted requests reach the next), so that every change
     * seen during the fuzz is one a request made: the snapshot must hold still for five seconds.
     */
    private static void settle(Subject subject, Effects effects) {
        Map<String, Long>[] last = new Map[]{effects.snapshot()};
        long[] stillSince = {System.nanoTime()};
        boolean settled = Pause.until(Duration.ofMinutes(3), () -> {
            Map<String, Long> now = effects.snapshot();
            if (!now.equals(last[0])) {
                last[0] = now;
                stillSince[0] = System.nanoTime();
            }
            Pause.millis(200);
            return System.nanoTime() - stillSince[0] > Duration.ofSeconds(5).toNanos();
        });
        if (!settled) {
            throw new IllegalStateException(subject.label() + " kept changing for 3 minutes before the fuzz; nothing was sent");
        }
    }

    private static FuzzRequests.Credentials credentials(LocalStack stack, Subject subject) throws NoSuchAlgorithmException {
        Duration lifetime = Duration.ofHours(12);
        Clock now = Clock.systemUTC();
        String untrusted = AgencyTokens.issue(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), subject.government(),
                subject.agency(), "fuzz", ALL_ROLES, lifetime, now);
        return FuzzRequests.Credentials.of(
                "Bearer " + stack.token(subject.government(), subject.agency(), ALL_ROLES, lifetime, now),
                "Bearer " + stack.token(subject.government(), "CUSTOMS", Set.of(), lifetime, now),
                "Bearer " + stack.token(subject.other(), "FUZZ", ALL_ROLES, lifetime, now),
                "Bearer " + stack.token(subject.government(), subject.agency(), ALL_ROLES, Duration.ofMinutes(5),
                        Clock.offset(now, Duration.ofHours(-1))),
                "Bearer " + untrusted);
    }

    /** Row counts of the service's database and end offsets of its topics, read once its outbox has nothing pending. */
    private static final class StackEffects implements Effects, AutoCloseable {
        private final Subject subject;
        private final TableCounts tables;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();

        StackEffects(LocalStack stack, Subject subject) {
            this.subject = subject;
            this.tables = new TableCounts(() -> Stack.connect(stack, subject.process()), Set.of());
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().bootstrapServers());
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(properties);
            for (String topic : subject.topics()) {
                var known = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (known == null || known.isEmpty()) {
                    throw new IllegalStateException("topic " + topic + " does not exist on the stack's broker");
                }
                known.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }

        @Override
        public Map<String, Long> snapshot() {
            if (!Pause.until(Duration.ofSeconds(60), () -> pending() == 0)) {
                throw new IllegalStateException(subject.label() + "'s outbox did not drain within 60 s");
            }
            Map<String, Long> snapshot = new LinkedHashMap<>(tables.snapshot());
            consumer.endOffsets(partitions, Duration.ofSeconds(30))
                    .forEach((partition, offset) -> snapshot.put("topic " + partition, offset));
            return snapshot;
        }

        private long pending() {
            try (Statement s = tables.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            consumer.close();
            tables.close();
        }
    }

    static String table(List<FuzzReport> reports, Instant started) {
        StringBuilder out = new StringBuilder();
        out.append("Full fuzz run of ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(started.atOffset(ZoneOffset.UTC)))
                .append(" (`./deploy/fuzz.sh`) on ").append(machine()).append(":\n\n");
        out.append("| service | requests | 2xx | 4xx by status | 5xx | 4xx not problem+json | refused but stored or published | no answer | seed | duration |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FuzzReport r : reports) {
            out.append(String.format("| %s | %,d | %,d | %s | %,d | %,d | %,d | %,d | %d | %.0f s |%n", r.service(), r.requests(),
                    r.count(200, 300), r.clientErrors() + (r.httpLayer() > 0 ? String.format(" (%,d of the 414s bare, from the HTTP layer)", r.httpLayer()) : ""),
                    r.serverErrors(), r.notProblems(), r.refusedButStored(), r.unanswered(), r.seed(), r.duration().toMillis() / 1000.0));
        }
        return out.toString();
    }

    private static String machine() {
        Map<String, Object> m = Machine.describe();
        return m.get("cores") + " cores (" + m.get("cpu") + "), " + m.get("memory") + ", " + m.get("jdk");
    }

    private static void write(Settings settings, List<FuzzReport> reports, String table) throws IOException {
        Files.createDirectories(settings.results());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        StringBuilder full = new StringBuilder("# Fuzz run\n\n").append(table).append("\n");
        reports.forEach(r -> full.append("\n```\n").append(r.summary()).append("\n```\n"));
        Path file = settings.results().resolve("fuzz-" + stamp + ".md");
        Files.writeString(file, full);
        for (Path doc : List.of(settings.repository().resolve("deploy/bench/RESULTS.md"), settings.repository().resolve("README.md"))) {
            replaceBetweenMarkers(doc, table);
        }
        System.out.println("written: " + file + ", and the table into deploy/bench/RESULTS.md and README.md");
    }

    static void replaceBetweenMarkers(Path doc, String table) {
        try {
            String text = Files.readString(doc);
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            if (start < 0 || end < start) {
                System.out.println(doc + " has no fuzz markers; the table is not written there");
                return;
            }
            Files.writeString(doc, text.substring(0, start + START.length()) + "\n" + table + text.substring(end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
