package org.outreachexchange.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestInfrastructure;
import org.outreachexchange.infra.TopicReader;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox of a service that writes no chain (the gateway, the evaluation-service): key lock and insert in one round trip. */
@QuarkusTest
@TestProfile(UnsealedOutboxTest.NoChain.class)
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "outbox"), @ResourceArg(name = "chain", value = "JP")})
class UnsealedOutboxTest {

    /** The module's test resource seals as JP, as {@link OutboxTest} needs; a blank chain turns sealing off. */
    public static class NoChain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outreach.event-signing.chain", " ");
        }
    }

    @Inject
    OutboxTestChanges changes;

    private TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), "outbox-test");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void eventsOfOneTransactionArriveUnsealedInTheOrderTheyWereAppended() {
        String aggregate = UUID.randomUUID().toString();
        changes.commit(List.of(OutboxTestChanges.event(aggregate, 1), OutboxTestChanges.event(aggregate, 2)));

        List<TopicReader.Received> records = topic.await(aggregate, 2);
        assertThat(records).extracting(TopicReader.Received::value).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(records.get(0).header("ce_chainseq")).isNull();
        assertThat(records.get(0).header("ce_chainsig")).isNull();
    }

    @Test
    void aSecondWriterOfTheSameKeyStillWaitsForTheFirstToCommit() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        OutboxTestChanges.commitWhileTheKeysFirstWriterWaits(changes, aggregate);

        assertThat(topic.await(aggregate, 2)).extracting(TopicReader.Received::value).containsExactly("{\"n\":1}", "{\"n\":2}");
    }
}
