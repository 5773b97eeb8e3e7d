package org.outreachexchange.deploy;

import org.outreachexchange.identity.partners.FoundingPartners;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the stack keeps things under its data directory, its fixed ports (moved together by an offset) and the
 * governments whose scheduling-services it runs, in port order.
 */
public record StackLayout(Path dataDir, int portsOffset, List<String> governments) {

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int POSTGRES_PORT = 15432;
    public static final int EVALUATION_PORT = 8110;
    public static final int GATEWAY_PORT = 8120;
    /** The founding partners of the partners document, the stack's governments unless told otherwise. */
    public static final List<String> GOVERNMENTS = List.copyOf(FoundingPartners.NAMES.keySet());
    /** The first scheduling-service's port; each further government's is the next. */
    public static final int FIRST_SCHEDULING_PORT = 8101;

    /** The topics the services use besides the governments' activity topics; names as in application.properties. */
    public static final List<String> SHARED_TOPICS = List.of("outreach.evaluations", "outreach.notices",
            "outreach.dlq.evaluation-service", "outreach.dlq.exchange-gateway");

    static final String SERVICE_PID_PREFIX = "service-";

    public StackLayout {
        dataDir = dataDir.toAbsolutePath().normalize();
        governments = List.copyOf(governments);
    }

    public StackLayout(Path dataDir, int portsOffset) {
        this(dataDir, portsOffset, GOVERNMENTS);
    }

    /** The API port (before the offset) of the scheduling-service at {@code position} in the stack's governments. */
    public static int schedulingPort(int position) {
        return FIRST_SCHEDULING_PORT + position;
    }

    /** The partners document the stack's services read (and the launcher rewrites when a government joins). */
    public Path partnersFile() {
        return dataDir.resolve("partners.json");
    }

    public int kafkaPort() {
        return KAFKA_PORT + portsOffset;
    }

    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + portsOffset;
    }

    public int postgresPort() {
        return POSTGRES_PORT + portsOffset;
    }

    /** The port of the {@code n}-th PostgreSQL server of the stack (0: the shared one; then those of services of their own). */
    public int postgresPort(int n) {
        return postgresPort() + n;
    }

    public String bootstrapServers() {
        return "localhost:" + kafkaPort();
    }

    /** The data of an infrastructure process (the broker's log, a PostgreSQL server's cluster), named after it. */
    public Path dir(String process) {
        return dataDir.resolve(process);
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path pidsDir() {
        return dataDir.resolve("pids");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return pidsDir().resolve(name + ".pid");
    }

    public Path servicePidFile(String name) {
        return pidsDir().resolve(SERVICE_PID_PREFIX + name + ".pid");
    }

    static String lower(String government) {
        return government.toLowerCase(Locale.ROOT);
    }
}
