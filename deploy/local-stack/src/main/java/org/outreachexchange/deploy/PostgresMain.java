package org.outreachexchange.deploy;

import org.outreachexchange.infra.PostgresServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server of the stack as a process of its own, durable (fsync and synchronous commit on):
 * {@code PostgresMain <data-dir> <port> <pid-dir>}. Prints {@value #READY} once it accepts connections; the launcher
 * creates the databases.
 */
public final class PostgresMain {

    static final String READY = "POSTGRES READY";

    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: PostgresMain <data-dir> <port> <pid-dir>");
            System.exit(2);
        }
        Path pidDir = Path.of(args[2]);
        PostgresServer server = PostgresServer.durable(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        ParentWatchdog.watch(pidDir);
        System.out.println(READY + " on port " + server.port() + " (fsync=on, synchronous_commit=on)");
        // The server runs in its own OS process; this JVM stays to stop it when the launcher goes.
        new CountDownLatch(1).await();
    }
}
