package org.outreachexchange.deploy;

import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.KafkaBroker;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The stack's Kafka broker as a process of its own:
 * {@code KafkaMain <log-dir> <port> <controller-port> <pid-dir> <governments, comma-separated>}.
 * Creates the stack's topics, then prints {@value #READY}.
 */
public final class KafkaMain {

    static final String READY = "KAFKA READY";
    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: KafkaMain <log-dir> <port> <controller-port> <pid-dir> <governments>");
            System.exit(2);
        }
        KafkaBroker broker = KafkaBroker.persistent(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-shutdown"));
        ParentWatchdog.watch(Path.of(args[3]));
        broker.start();
        // Created up front so that consumers subscribing by pattern see every government's topic from their first poll.
        ExchangeTopics.create(broker.bootstrapServers(), List.of(args[4].split(",")), StackLayout.SHARED_TOPICS);
        System.out.println(READY + " on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
