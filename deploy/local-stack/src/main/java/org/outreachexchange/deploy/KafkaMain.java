package org.outreachexchange.deploy;

import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.KafkaBroker;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The stack's Kafka broker as a process of its own: {@code KafkaMain <log-dir> <port> <controller-port> <pid-dir>}.
 * Creates the stack's topics, then prints {@value #READY}.
 */
public final class KafkaMain {

    static final String READY = "KAFKA READY";
    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: KafkaMain <log-dir> <port> <controller-port> <pid-dir>");
            System.exit(2);
        }
        KafkaBroker broker = KafkaBroker.persistent(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-shutdown"));
        ParentWatchdog.watch(Path.of(args[3]));
        broker.start();
        createTopics(broker.bootstrapServers());
        System.out.println(READY + " on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

    /**
     * Created up front so that consumers subscribing by pattern see every government's topic from their first poll;
     * a government's activity topic has one partition (its sealed chain in order) and broker append time.
     */
    private static void createTopics(String bootstrapServers) {
        List<String> others = StackLayout.TOPICS.stream().filter(t -> !t.startsWith("outreach.activities.")).toList();
        ExchangeTopics.create(bootstrapServers, StackLayout.GOVERNMENTS, others);
    }
}
