package org.outreachexchange.infra;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use and stopped when the JVM
 * exits. Each service test run gets its own database on the shared server.
 */
public final class TestInfrastructure {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.temporary();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-shutdown"));
        }
        return postgres;
    }

    /** A new, empty database named after the service, e.g. {@code scheduling_3}. */
    public static String newDatabase(String service) {
        return postgres().createDatabase(service.replace('-', '_') + "_" + DATABASES.incrementAndGet());
    }
}
