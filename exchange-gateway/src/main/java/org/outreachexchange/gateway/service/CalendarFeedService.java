package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 5545 feed of the schedules a subscription may see: UID = activity id, SEQUENCE = version (rises with each
 * revision), STATUS TENTATIVE (proposed or month only), CONFIRMED (planned with dates) or CANCELLED.
 */
@ApplicationScoped
public class CalendarFeedService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SubscriptionRepository subscriptions;
    private final ActivityRepository activities;
    private final FeedService feeds;
    private final ObjectMapper json;
    private final SharingPolicy sharing;
    private final Clock clock;

    CalendarFeedService(SubscriptionRepository subscriptions, ActivityRepository activities, FeedService feeds,
                        ObjectMapper json, SharingPolicy sharing, Clock clock) {
        this.subscriptions = subscriptions;
        this.activities = activities;
        this.feeds = feeds;
        this.json = json;
        this.sharing = sharing;
        this.clock = clock;
    }

    /** The calendar for a feed link; an unknown or disabled link is 404, like a link that never existed. */
    public String calendar(String token) {
        Subscription subscription = subscriptions.byFeedToken(token)
                .orElseThrow(() -> ProblemException.notFound("no calendar feed at this link"));
        SubscriptionFilters filters = feeds.filters(subscription);
        Instant now = clock.instant();
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Outreach Exchange//exchange-gateway//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text("Outreach schedules shared with " + subscription.government));
        for (Activity activity : activities.all()) {
            if (!activity.organizer.equals(subscription.government) && activity.startDate != null
                    && sharing.sharedWith(activity, subscription.government, now) && filters.matches(activity)) {
                event(ics, activity, now);
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private void event(StringBuilder ics, Activity activity, Instant now) {
        JsonNode snapshot = read(activity.snapshot);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + activity.id);
        line(ics, "SEQUENCE:" + activity.version);
        line(ics, "DTSTAMP:" + STAMP.format(now));
        line(ics, "DTSTART;VALUE=DATE:" + DATE.format(activity.startDate));
        line(ics, "DTEND;VALUE=DATE:" + DATE.format(activity.endDate.plusDays(1))); // DTEND of a date is exclusive
        line(ics, "SUMMARY:" + text(activity.organizer + ": " + snapshot.path("title").asText()));
        if (snapshot.hasNonNull("location")) {
            line(ics, "LOCATION:" + text(snapshot.get("location").asText()));
        }
        StringBuilder description = new StringBuilder(activity.type + " for " + activity.recipients);
        snapshot.path("agenda").forEach(item -> description.append("\n- ").append(item.asText()));
        line(ics, "DESCRIPTION:" + text(description.toString()));
        line(ics, "CATEGORIES:" + activity.type);
        line(ics, "STATUS:" + status(activity));
        line(ics, "END:VEVENT");
    }

    private static String status(Activity activity) {
        if (activity.status == ActivityStatus.CANCELLED) {
            return "CANCELLED";
        }
        return activity.status == ActivityStatus.PROPOSED || !activity.exactDates ? "TENTATIVE" : "CONFIRMED";
    }

    /** TEXT escaping (RFC 5545 3.3.11). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Content lines end in CRLF and are folded at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }

    private JsonNode read(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
