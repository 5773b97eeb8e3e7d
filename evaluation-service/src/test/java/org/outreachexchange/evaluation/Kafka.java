package org.outreachexchange.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.eclipse.microprofile.config.ConfigProvider;
import org.outreachexchange.events.SchemaVersion;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.ExchangeTopics;
import org.outreachexchange.infra.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** This service's topics in tests (the test kit's plumbing): activity events in as the scheduling-services send them, what it writes read back. */
final class Kafka {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final String EVALUATIONS = "outreach.evaluations";
    static final String DEAD_LETTERS = "outreach.dlq.evaluation-service";
    static final String REEVALUATED = "outreach.country.reevaluated";
    static final String PROPOSAL_OPENED = "outreach.proposal.opened";
    static final String PROPOSAL_ADOPTED = "outreach.proposal.adopted";
    static final String PROPOSAL_DROPPED = "outreach.proposal.dropped";

    private Kafka() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends an activity event in binary CloudEvents mode to the organizer's topic. */
    static String sendActivityEvent(Map<String, Object> data, String type) {
        return sendActivityEvent(data, type, UUID.randomUUID().toString());
    }

    /** Sends {@code data} as its organizer's next sealed event, as the organizer's scheduling-service would. */
    static String sendActivityEvent(Map<String, Object> data, String type, String ceId) {
        try {
            return sendSealed(data.get("organizer").toString(), data.get("activityId").toString(), ceId,
                    "outreach.activity." + type, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code data} as its organizer's next sealed event written under schema version {@code dataschema}. */
    static String sendActivityEvent(Map<String, Object> data, String type, SchemaVersion dataschema) {
        try {
            return ActivityTopicWriter.send(bootstrap(), data.get("organizer").toString(), data.get("activityId").toString(),
                    "outreach.activity." + type, JSON.writeValueAsString(data), Map.of("ce_dataschema", dataschema.uri()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code value} as {@code government}'s next sealed event, whatever it says. */
    static String sendSealed(String government, String key, String ceId, String ceType, String value) {
        return ActivityTopicWriter.send(bootstrap(), government, key, ceId, ceType, value);
    }

    /** Every record now on {@code topic}. */
    static List<TopicReader.Received> readAll(String topic) {
        return TopicReader.readAll(bootstrap(), topic);
    }

    /** Re-evaluation events (ce_type outreach.country.reevaluated) matching {@code filter}, waiting until at least {@code count} have arrived. */
    static List<TopicReader.Received> awaitEvaluations(Predicate<TopicReader.Received> filter, int count) {
        return awaitOnEvaluationTopic(r -> REEVALUATED.equals(r.header("ce_type")) && filter.test(r), count);
    }

    /** Re-evaluation events (ce_type outreach.country.reevaluated) matching {@code filter}, now on the topic. */
    static List<TopicReader.Received> evaluations(Predicate<TopicReader.Received> filter) {
        return readAll(EVALUATIONS).stream().filter(r -> REEVALUATED.equals(r.header("ce_type")) && filter.test(r)).toList();
    }

    /** Proposal events about {@code proposalId} of CloudEvent type {@code type}, now on the topic. */
    static List<TopicReader.Received> proposalEvents(String proposalId, String type) {
        return readAll(EVALUATIONS).stream().filter(r -> type.equals(r.header("ce_type")) && proposalId.equals(r.key())).toList();
    }

    /** Proposal events about {@code proposalId} of CloudEvent type {@code type}, waiting until at least one has arrived. */
    static List<TopicReader.Received> awaitProposalEvents(String proposalId, String type) {
        return awaitOnEvaluationTopic(r -> type.equals(r.header("ce_type")) && proposalId.equals(r.key()), 1);
    }

    /** Any records on the evaluation topic matching {@code filter}, waiting until at least {@code count} have arrived. */
    static List<TopicReader.Received> awaitOnEvaluationTopic(Predicate<TopicReader.Received> filter, int count) {
        return TopicReader.awaitAll(bootstrap(), EVALUATIONS, filter, count);
    }

    /** Waits until the service has consumed and committed everything now on the activity topic of {@code government}. */
    static void awaitConsumed(String government) {
        Pattern topic = Pattern.compile(Pattern.quote(ExchangeTopics.activityTopic(government)));
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.activity-events.group.id", String.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ExchangeTopics.lag(bootstrap(), group, topic) == 0);
    }
}
