package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.SubscriptionConfig;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * RFC 5545 feed of the schedules a subscription may see: UID = activity id, SEQUENCE = version (rises with each
 * revision), STATUS TENTATIVE (proposed or month only), CONFIRMED (planned with dates) or CANCELLED. ical4j writes it:
 * text escaping, line folding and a validation of the calendar before it leaves. A feed holds the activities of a
 * window around today ({@code outreach.subscriptions.calendar.past} and {@code .future}), the soonest first, up to
 * {@code .max-events}, so neither a long history nor a flood of activities makes one request unbounded.
 */
@ApplicationScoped
public class CalendarFeedService {

    private static final int BATCH = 500;

    private final SubscriptionRepository subscriptions;
    private final ActivityRepository activities;
    private final FeedService feeds;
    private final ObjectMapper json;
    private final SharingPolicy sharing;
    private final SubscriptionConfig config;
    private final Clock clock;

    CalendarFeedService(SubscriptionRepository subscriptions, ActivityRepository activities, FeedService feeds,
                        ObjectMapper json, SharingPolicy sharing, SubscriptionConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.activities = activities;
        this.feeds = feeds;
        this.json = json;
        this.sharing = sharing;
        this.config = config;
        this.clock = clock;
    }

    /** The calendar for a feed link; an unknown or disabled link is 404, like a link that never existed. */
    public String calendar(String token) {
        // A link token is 43 characters of base64url; anything else names no feed and never reaches the database.
        Subscription subscription = Optional.ofNullable(token).filter(t -> t.matches("[A-Za-z0-9_-]{1,100}"))
                .flatMap(subscriptions::byFeedToken)
                .orElseThrow(() -> ProblemException.notFound("no calendar feed at this link"));
        SubscriptionFilters filters = feeds.filters(subscription);
        Instant now = clock.instant();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Outreach Exchange//exchange-gateway//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Outreach schedules shared with " + subscription.government));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        SubscriptionConfig.Calendar cap = config.calendar();
        ActivityRepository.Criteria window = new ActivityRepository.Criteria(null, subscription.government, null,
                today.minus(cap.past()), today.plus(cap.future()), true);
        for (Activity activity : activities.collect(window, Keyset.ByDate.START, cap.maxEvents(), BATCH,
                a -> sharing.sharedWith(a, subscription.government, now) && filters.matches(a))) {
            calendar.add(event(activity, now));
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ics.toString();
    }

    private VEvent event(Activity activity, Instant now) {
        JsonNode snapshot = read(activity.snapshot);
        VEvent event = new VEvent(false);
        event.add(new Uid(activity.id.toString()));
        event.add(new Sequence(activity.version));
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(activity.startDate));
        event.add(new DtEnd<>(activity.endDate.plusDays(1))); // DTEND of a date is exclusive
        event.add(new Summary(activity.organizer + ": " + snapshot.path("title").asText()));
        if (snapshot.hasNonNull("location")) {
            event.add(new Location(snapshot.get("location").asText()));
        }
        StringBuilder description = new StringBuilder(activity.type + " for " + String.join(", ", activity.recipients));
        snapshot.path("agenda").forEach(item -> description.append("\n- ").append(item.asText()));
        event.add(new Description(description.toString()));
        event.add(new Categories(activity.type));
        event.add(status(activity));
        return event;
    }

    private static Status status(Activity activity) {
        if (activity.status == ActivityStatus.CANCELLED) {
            return ImmutableStatus.VEVENT_CANCELLED;
        }
        return activity.status == ActivityStatus.PROPOSED || !activity.exactDates ? ImmutableStatus.VEVENT_TENTATIVE
                : ImmutableStatus.VEVENT_CONFIRMED;
    }

    private JsonNode read(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
