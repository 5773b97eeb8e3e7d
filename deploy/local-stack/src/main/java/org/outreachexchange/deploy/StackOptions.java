package org.outreachexchange.deploy;

import org.outreachexchange.identity.AgencyTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the launcher is asked to do. {@code clockStart} empty means real time. The last four are for the benchmarks
 * and the system test; the one command leaves them at their defaults.
 *
 * @param serviceProperties extra system properties per service process name (e.g. the gateway's webhook allow-list
 *                          for the system test), applied after the stack's own
 * @param serviceJvmOptions the services' JVM options
 * @param oneAtATime        start the services one after another, each alone on the machine until it is ready, so
 *                          that each one's time to ready is its own
 * @param ownPostgres       services that get a PostgreSQL server of their own (process {@code postgres-<service>}),
 *                          which can then be killed without touching the others' databases
 * @param governments       the partners whose scheduling-services run: the founding partners, then any that joined
 *                          (they lead nothing until the partners decide)
 */
public record StackOptions(Path repositoryRoot, Path dataDir, boolean empty, Optional<Instant> clockStart, int portsOffset,
                           Duration readyTimeout, Map<String, Map<String, String>> serviceProperties,
                           List<String> serviceJvmOptions, boolean oneAtATime, Set<String> ownPostgres,
                           List<String> governments) {

    /** The document's date: the scenario replays with its own clock unless told otherwise. */
    public static final Instant SCENARIO_DATE = Instant.parse("2008-06-24T00:00:00Z");
    /**
     * Five JVMs beside Kafka and PostgreSQL on a small machine: capped heaps, the serial collector, and C1 only, since
     * on two cores C2's compilations cost more CPU in a service's first minutes than its faster code saves (a third
     * more per activity, deploy/bench/RESULTS.md).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static final String USAGE = """
            usage: run-local.sh [--build] [options]
              --data-dir DIR           where Kafka, PostgreSQL, keys, logs and PIDs live (default .data in the repository)
              --empty                  start without loading the 2008 scenario
              --clock-start INSTANT    the services' clock starts here, e.g. 2008-06-24T00:00:00Z (default),
                                       or 'now' for real time (the default with --empty)
              --governments JP,US,AU,KR  the partner governments, each with a scheduling-service of its own on the
                                       next port (8101, 8102...): the founding JP, US and AU, then any that join
                                       (KR: Republic of Korea, SG: Singapore), which lead nothing until the
                                       partners decide (default JP,US,AU)
              --ports-offset N         add N to every port (to run beside another stack)
              --ready-timeout SECONDS  how long to wait for the services to be ready (default 180)
              --no-build               (run-local.sh) never build, fail if something is missing
              --build                  (run-local.sh) build even when the jars exist
            """;

    public StackOptions {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        serviceProperties = Map.copyOf(serviceProperties);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        ownPostgres = Set.copyOf(ownPostgres);
        governments = List.copyOf(governments);
    }

    public StackOptions(Path repositoryRoot, Path dataDir, boolean empty, Optional<Instant> clockStart, int portsOffset,
                        Duration readyTimeout) {
        this(repositoryRoot, dataDir, empty, clockStart, portsOffset, readyTimeout, Map.of(), SERVICE_JVM_OPTIONS, false, Set.of(),
                StackLayout.GOVERNMENTS);
    }

    public StackLayout layout() {
        return new StackLayout(dataDir, portsOffset, governments);
    }

    public StackOptions withServiceProperty(String service, String key, String value) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(serviceProperties);
        Map<String, String> properties = new LinkedHashMap<>(copy.getOrDefault(service, Map.of()));
        properties.put(key, value);
        copy.put(service, properties);
        return new StackOptions(repositoryRoot, dataDir, empty, clockStart, portsOffset, readyTimeout, copy, serviceJvmOptions,
                oneAtATime, ownPostgres, governments);
    }

    public StackOptions withServiceJvmOptions(List<String> options) {
        return new StackOptions(repositoryRoot, dataDir, empty, clockStart, portsOffset, readyTimeout, serviceProperties, options,
                oneAtATime, ownPostgres, governments);
    }

    public StackOptions oneServiceAtATime() {
        return new StackOptions(repositoryRoot, dataDir, empty, clockStart, portsOffset, readyTimeout, serviceProperties,
                serviceJvmOptions, true, ownPostgres, governments);
    }

    public StackOptions withOwnPostgres(String service) {
        Set<String> own = new LinkedHashSet<>(ownPostgres);
        own.add(service);
        return new StackOptions(repositoryRoot, dataDir, empty, clockStart, portsOffset, readyTimeout, serviceProperties,
                serviceJvmOptions, oneAtATime, own, governments);
    }

    public static StackOptions parse(String[] args, Path repositoryRoot) {
        Path dataDir = repositoryRoot.resolve(".data");
        boolean empty = false;
        Optional<Optional<Instant>> clock = Optional.empty();
        int offset = 0;
        Duration timeout = Duration.ofSeconds(180);
        List<String> governments = StackLayout.GOVERNMENTS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--empty" -> empty = true;
                case "--clock-start" -> clock = Optional.of(instant(value(args, ++i, arg)));
                case "--ports-offset" -> offset = number(value(args, ++i, arg), arg);
                case "--governments" -> governments = governments(value(args, ++i, arg));
                case "--ready-timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg));
                // handled by run-local.sh before the launcher starts
                case "--no-build", "--build" -> { }
                case "-h", "--help" -> throw new UsageException(USAGE);
                default -> throw new UsageException("unknown option " + arg + System.lineSeparator() + USAGE);
            }
        }
        if (offset < 0 || offset > 10_000) {
            throw new UsageException("--ports-offset must be between 0 and 10000, got " + offset);
        }
        Optional<Instant> clockStart = clock.orElse(empty ? Optional.empty() : Optional.of(SCENARIO_DATE));
        return new StackOptions(repositoryRoot, dataDir, empty, clockStart, offset, timeout, Map.of(), SERVICE_JVM_OPTIONS,
                false, Set.of(), governments);
    }

    /** The founding partners first, in their order, then those that join; each code once. */
    private static List<String> governments(String list) {
        List<String> governments = List.of(list.split(","));
        List<String> wrong = governments.stream().filter(g -> !AgencyTokens.GOVERNMENT_CODE.matcher(g).matches()).toList();
        if (!wrong.isEmpty() || new LinkedHashSet<>(governments).size() != governments.size()) {
            throw new UsageException("--governments takes distinct codes of 2-3 upper-case letters, e.g. JP,US,AU,KR; got " + list);
        }
        if (governments.size() < StackLayout.GOVERNMENTS.size()
                || !governments.subList(0, StackLayout.GOVERNMENTS.size()).equals(StackLayout.GOVERNMENTS)) {
            throw new UsageException("--governments starts with the founding partners " + String.join(",", StackLayout.GOVERNMENTS)
                    + " (the 2008 scenario and role sharing are theirs), then those that join; got " + list);
        }
        return governments;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value" + System.lineSeparator() + USAGE);
        }
        return args[i];
    }

    private static Optional<Instant> instant(String text) {
        if ("now".equalsIgnoreCase(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new UsageException("--clock-start takes an ISO instant like 2008-06-24T00:00:00Z or 'now', got " + text);
        }
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got " + text);
        }
    }

    /** The command line was wrong; the message says how to write it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
