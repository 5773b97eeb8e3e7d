package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.Notice;
import org.outreachexchange.gateway.domain.NoticeKind;
import org.outreachexchange.gateway.domain.NoticeRepository;
import org.outreachexchange.gateway.messaging.NoticeIssued;
import org.outreachexchange.outbox.Outbox;
import org.outreachexchange.outbox.OutgoingEvent;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a notice, publishes it on outreach.notices through the outbox and feeds it to the addressee's subscriptions. */
@ApplicationScoped
public class NoticePublisher {

    public static final String SOURCE = "/outreach/gateway";

    private final NoticeRepository notices;
    private final Outbox outbox;
    private final FeedService feeds;
    private final ObjectMapper json;

    NoticePublisher(NoticeRepository notices, Outbox outbox, FeedService feeds, ObjectMapper json) {
        this.notices = notices;
        this.outbox = outbox;
        this.feeds = feeds;
        this.json = json;
    }

    /** Must run inside the transaction of the change that raised the notice. */
    public NoticeIssued publish(Activity activity, NoticeKind kind, String addressee, List<Missing> missing,
                                List<String> changed, NoticeIssued.Advice advice, Instant now) {
        NoticeIssued event = new NoticeIssued(UUID.randomUUID(), kind, activity.id, activity.version, activity.organizer,
                addressee, activity.type, List.copyOf(activity.recipients), activity.deadline, activity.noticedAt, missing,
                changed, advice, new NoticeIssued.Distribution(activity.distributionScope, List.copyOf(activity.distributionGovernments)),
                now);
        String data = write(event);
        notices.persist(Notice.raised(event.noticeId(), activity.id, kind, addressee, data, now));
        String subject = activity.id.toString();
        outbox.append(new OutgoingEvent(event.noticeId(), kind.eventType(), SOURCE, subject, subject, data, now));
        feeds.notice(addressee, activity.id, kind.eventType().substring("outreach.".length()), data, now);
        return event;
    }

    private String write(NoticeIssued event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
