package org.outreachexchange.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where the stack keeps things under its data directory, and its fixed ports (moved together by an offset). */
public record StackLayout(Path dataDir, int portsOffset) {

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int POSTGRES_PORT = 15432;
    public static final int EVALUATION_PORT = 8110;
    public static final int GATEWAY_PORT = 8120;
    public static final List<String> GOVERNMENTS = List.of("JP", "US", "AU");

    /** Every topic the services use; the names agree with the services' application.properties. */
    public static final List<String> TOPICS = List.of("outreach.activities.jp", "outreach.activities.us", "outreach.activities.au",
            "outreach.evaluations", "outreach.notices",
            "outreach.dlq.evaluation-service", "outreach.dlq.exchange-gateway");

    static final String SERVICE_PID_PREFIX = "service-";

    public StackLayout {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static int schedulingPort(String government) {
        return 8101 + GOVERNMENTS.indexOf(government);
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
