package org.outreachexchange.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The exchange's topics, created up front (a topic that appears later makes pattern subscribers rebalance). A
 * government's activity topic has one partition, so its sealed chain is the topic's order, keeps every event, and is
 * stamped by the broker ({@code LogAppendTime}), so that no organizer sets the time its notice is judged by.
 */
public final class ExchangeTopics {

    public static final Map<String, String> ACTIVITY_TOPIC_CONFIG = Map.of(
            "message.timestamp.type", "LogAppendTime",
            "retention.ms", "-1");
    public static final int OTHER_PARTITIONS = 3;

    private ExchangeTopics() {
    }

    public static String activityTopic(String government) {
        return "outreach.activities." + government.toLowerCase(Locale.ROOT);
    }

    /** Creates the governments' activity topics and {@code others}; topics that exist are left as they are. */
    public static void create(String bootstrap, Collection<String> governments, Collection<String> others) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String government : governments) {
                create(admin, new NewTopic(activityTopic(government), 1, (short) 1).configs(ACTIVITY_TOPIC_CONFIG));
            }
            for (String topic : others) {
                create(admin, new NewTopic(topic, OTHER_PARTITIONS, (short) 1));
            }
        }
    }

    /** How far {@code group} is behind on the topics matching {@code topics}: their end offsets minus its committed offsets. */
    public static long lag(String bootstrap, String group, Pattern topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<String> names = admin.listTopics().names().get().stream().filter(t -> topics.matcher(t).matches()).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
