package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.identity.partners.KeyPurpose;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TestPartners;
import org.outreachexchange.infra.TopicReader;

import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Whoever can write one government's topic cannot act for another government, nor slip an event past its seal. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class EventTrustTest {

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @Inject
    Partners partners;

    @ConfigProperty(name = "outreach.partners.file")
    String partnersFile;

    private TopicReader deadLetters;

    @BeforeEach
    void readDeadLetters() {
        deadLetters = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.dlq.exchange-gateway");
    }

    @AfterEach
    void close() {
        deadLetters.close();
    }

    @Test
    void refusesAnEventOnJapansTopicThatClaimsTheUnitedStatesAsOrganizer() {
        ActivityEvents.Draft forged = new ActivityEvents.Draft("US", "NR", 90);

        ActivityEvents.sealed("JP", forged.id.toString(), UUID.randomUUID().toString(), "outreach.activity.planned", forged.json());

        assertThat(reason(forged.id)).contains("claims organizer US").contains("JP");
        notice("US", forged.id).then().statusCode(404);
        notice("JP", forged.id).then().statusCode(404);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("outreach_events_refused_total{government=\"JP\",reason=\"ORGANIZER\"}"));
    }

    @Test
    void refusesAJapaneseEventThatWouldOverwriteOrFreezeAUsActivity() {
        ActivityEvents.Draft us = new ActivityEvents.Draft("US", "TV", 90);
        ActivityEvents.publish(us, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("US", us.id).then().statusCode(200));

        ActivityEvents.Draft overwrite = new ActivityEvents.Draft("JP", "TV", 95);
        overwrite.version = Integer.MAX_VALUE;
        String json = overwrite.json().replace(overwrite.id.toString(), us.id.toString());
        ActivityEvents.sealed("JP", us.id.toString(), UUID.randomUUID().toString(), "outreach.activity.revised", json);

        assertThat(reason(us.id)).contains("would change activity " + us.id).contains("US's");
        us.version = 2;
        us.title = "Renamed by its organizer";
        ActivityEvents.publish(us, "revised");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("US", us.id).then().statusCode(200)
                .body("organizer", equalTo("US")).body("version", equalTo(2)));
    }

    @Test
    void refusesAnEventWhoseSignatureDoesNotVerifyAndAcceptsTheGenuineEventThatTakesItsPlace() {
        ActivityEvents.Draft forged = new ActivityEvents.Draft("JP", "KI", 90);
        sealNextWithoutMovingTheChain(forged, TestAgencies.eventKeys("US").getPrivate());

        assertThat(reason(forged.id)).contains("is not signed by JP's event key");
        notice("JP", forged.id).then().statusCode(404);
        ActivityEvents.Draft genuine = new ActivityEvents.Draft("JP", "KI", 91);
        ActivityEvents.publish(genuine, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("JP", genuine.id).then().statusCode(200));
    }

    @Test
    void refusesAnUnsealedEvent() {
        ActivityEvents.Draft unsealed = new ActivityEvents.Draft("JP", "PW", 90);

        ActivityEvents.send("outreach.activities.jp", unsealed.id.toString(), UUID.randomUUID().toString(),
                "outreach.activity.planned", "/outreach/scheduling/JP", unsealed.json());

        assertThat(reason(unsealed.id)).contains("carries no seal");
        notice("JP", unsealed.id).then().statusCode(404);
    }

    @Test
    void refusesAnEventThatSkipsAPlaceInTheChainOrTakesOneTwice() {
        ActivityEvents.Draft skipping = new ActivityEvents.Draft("JP", "FM", 90);
        ActivityTopicWriter.Sealed next = ActivityTopicWriter.next("JP");
        sendSealedAt(skipping, next.sequence() + 1, next.previous());
        assertThat(reason(skipping.id)).contains("has not arrived: 1 event(s) missing");

        ActivityEvents.Draft first = new ActivityEvents.Draft("JP", "FM", 91);
        ActivityEvents.publish(first, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("JP", first.id).then().statusCode(200));
        ActivityEvents.Draft fork = new ActivityEvents.Draft("JP", "FM", 92);
        sendSealedAt(fork, next.sequence(), next.previous());

        assertThat(reason(fork.id)).contains("which another event holds");
        notice("JP", skipping.id).then().statusCode(404);
        notice("JP", fork.id).then().statusCode(404);
        ActivityEvents.Draft after = new ActivityEvents.Draft("JP", "FM", 93);
        ActivityEvents.publish(after, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("JP", after.id).then().statusCode(200));
    }

    private static void sendSealedAt(ActivityEvents.Draft draft, long sequence, String previous) {
        EventSeals.Content content = content(draft, draft.json());
        EventSeals.Seal seal = EventSeals.seal(TestAgencies.eventKeys("JP").getPrivate(), "JP", sequence, previous, content.digest());
        ActivityTopicWriter.sendRaw(ActivityEvents.bootstrap(), "outreach.activities.jp", draft.id.toString(),
                ActivityTopicWriter.headers(content, seal), content.data());
    }

    /** Sends {@code draft} as JP's next event sealed with {@code key}; JP's chain stays where it was. */
    private static void sealNextWithoutMovingTheChain(ActivityEvents.Draft draft, PrivateKey key) {
        EventSeals.Content content = content(draft, draft.json());
        ActivityTopicWriter.Sealed next = ActivityTopicWriter.next("JP");
        EventSeals.Seal seal = EventSeals.seal(key, "JP", next.sequence(), next.previous(), content.digest());
        ActivityTopicWriter.sendRaw(ActivityEvents.bootstrap(), "outreach.activities.jp", draft.id.toString(),
                ActivityTopicWriter.headers(content, seal), content.data());
    }

    private static EventSeals.Content content(ActivityEvents.Draft draft, String json) {
        return new EventSeals.Content(UUID.randomUUID().toString(), "outreach.activity.planned",
                "/outreach/scheduling/" + draft.organizer, draft.id.toString(), draft.id.toString(), json);
    }

    @Test
    void acceptsJapansEventsUnderEitherEventKeyWhileBothAreListedAndRefusesTheOldOneOnceItRetires() {
        KeyPair rotated = TestAgencies.rotatedEventKeys("JP");
        PartnersDocument listed = publish(partners.current().addingKey("JP", KeyPurpose.EVENTS,
                PartnerKey.of("2026b", rotated.getPublic())));
        try {
            ActivityEvents.Draft underNew = new ActivityEvents.Draft("JP", "LA", 90);
            ActivityTopicWriter.send(ActivityEvents.bootstrap(), "JP", rotated.getPrivate(), underNew.id.toString(),
                    "outreach.activity.planned", underNew.json());
            ActivityEvents.Draft underOld = new ActivityEvents.Draft("JP", "LA", 91);
            ActivityEvents.publish(underOld, "planned");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                notice("JP", underNew.id).then().statusCode(200);
                notice("JP", underOld.id).then().statusCode(200);
            });

            publish(listed.retiringKey("JP", KeyPurpose.EVENTS, TestAgencies.KEY_ID, Instant.now()));
            ActivityEvents.Draft late = new ActivityEvents.Draft("JP", "LA", 92);
            sealNextWithoutMovingTheChain(late, TestAgencies.eventKeys("JP").getPrivate());

            assertThat(reason(late.id)).contains("is not signed by JP's event key");
            ActivityEvents.Draft after = new ActivityEvents.Draft("JP", "LA", 93);
            ActivityTopicWriter.send(ActivityEvents.bootstrap(), "JP", rotated.getPrivate(), after.id.toString(),
                    "outreach.activity.planned", after.json());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notice("JP", after.id).then().statusCode(200));
            notice("JP", late.id).then().statusCode(404);
        } finally {
            // The test key seals every other test's events: list it again, unretired, before they run.
            TestPartners.restore(partnersFile, partners::current);
        }
    }

    private PartnersDocument publish(PartnersDocument next) {
        return TestPartners.publish(partnersFile, next, partners::current);
    }

    private String reason(UUID key) {
        TopicReader.Received dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.withKey(key.toString()).stream().findFirst().orElse(null), r -> r != null);
        return dead.header("dead-letter-reason");
    }

    private static io.restassured.response.Response notice(String government, UUID id) {
        return given().header("Authorization", Agencies.bearer(government)).when().get("/activities/" + id + "/notice");
    }
}
