package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.io.StringReader;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class CalendarFeedTest {

    @Test
    void servesAFeedThatARealICalendarLibraryParsesWithUidSequenceAndStatus() throws Exception {
        String feed = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "ICAL", "filters", Map.of("recipients", List.of("TW"))))
                .getString("feedUrl");
        ActivityEvents.Draft confirmed = new ActivityEvents.Draft("JP", "TW", 120);
        confirmed.title = "Consultation; agenda, with \"special\" characters and a title long enough to need folding at 75 octets";
        ActivityEvents.Draft revised = new ActivityEvents.Draft("US", "TW", 220);
        ActivityEvents.Draft proposed = new ActivityEvents.Draft("JP", "TW", 0).type("INDUSTRY_OUTREACH_SEMINAR");
        proposed.precision = "MONTH";
        proposed.month = YearMonth.from(ActivityEvents.today()).plusMonths(8).toString();
        proposed.start = null;
        proposed.end = null;
        proposed.status = "PROPOSED";
        ActivityEvents.Draft cancelled = new ActivityEvents.Draft("US", "TW", 320);
        ActivityEvents.Draft restricted = new ActivityEvents.Draft("JP", "TW", 420).restrictedTo("US");
        ActivityEvents.Draft own = new ActivityEvents.Draft("AU", "TW", 520);
        for (ActivityEvents.Draft draft : List.of(confirmed, revised, proposed, cancelled, restricted, own)) {
            ActivityEvents.publish(draft, "planned");
        }
        revised.version = 2;
        revised.start = revised.start.plusDays(3);
        revised.end = revised.end.plusDays(3);
        ActivityEvents.publish(revised, "revised");
        cancelled.version = 2;
        cancelled.status = "CANCELLED";
        ActivityEvents.publish(cancelled, "cancelled");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Calendar calendar = parse(given().when().get(feed).then().statusCode(200).extract().asString());
            return event(calendar, revised).flatMap(e -> value(e, Property.SEQUENCE)).filter("2"::equals).isPresent()
                    && event(calendar, cancelled).flatMap(e -> value(e, Property.STATUS)).filter("CANCELLED"::equals).isPresent()
                    && event(calendar, confirmed).isPresent() && event(calendar, proposed).isPresent();
        });
        String ics = given().when().get(feed).then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = parse(ics);

        assertThat(value(event(calendar, confirmed).orElseThrow(), Property.STATUS)).contains("CONFIRMED");
        assertThat(value(event(calendar, confirmed).orElseThrow(), Property.SEQUENCE)).contains("1");
        assertThat(value(event(calendar, confirmed).orElseThrow(), Property.SUMMARY)).contains("JP: " + confirmed.title);
        assertThat(value(event(calendar, confirmed).orElseThrow(), Property.DTSTART)).contains(confirmed.start.toString().replace("-", ""));
        assertThat(value(event(calendar, proposed).orElseThrow(), Property.STATUS)).contains("TENTATIVE");
        assertThat(event(calendar, restricted)).as("restricted to US, never in Australia's feed").isEmpty();
        assertThat(event(calendar, own)).as("the feed carries other governments' schedules").isEmpty();
        assertThat(ics.lines().toList()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void answersAnUnknownFeedLinkWithNotFound() {
        given().when().get("/feeds/not-a-real-token.ics").then().statusCode(404).contentType("application/problem+json");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Optional<VEvent> event(Calendar calendar, ActivityEvents.Draft draft) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().filter(e -> value(e, Property.UID).filter(draft.id.toString()::equals).isPresent()).findFirst();
    }

    private static Optional<String> value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue);
    }
}
