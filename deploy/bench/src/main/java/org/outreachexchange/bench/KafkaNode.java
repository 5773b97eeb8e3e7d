package org.outreachexchange.bench;

import org.outreachexchange.infra.KafkaBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker as its own process, so the fault-injection suite can SIGKILL or SIGSTOP it.
 * Arguments: log directory, port, controller port. Its data survives restarts on the same directory.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.persistent(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.start();
        System.out.println("kafka ready on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
