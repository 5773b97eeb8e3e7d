package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.gateway.domain.DistributionScope;
import org.outreachexchange.gateway.domain.LogEntry;
import org.outreachexchange.gateway.domain.LogEntryRepository;
import org.outreachexchange.gateway.messaging.ActivityChanged;
import org.outreachexchange.identity.EventSeals;

import java.util.List;
import java.util.Optional;

/**
 * The exchange log: every government's sealed activity events as the gateway admitted them, for anyone entitled to
 * export and verify offline. An event the caller may not see (an activity shared with named partners only) is
 * given as its content digest alone, which keeps the chain verifiable without revealing the activity.
 */
@ApplicationScoped
public class ExchangeLogService {

    /** An entry as the caller may see it: {@code content} null and {@code contentDigest} set when withheld from it. */
    public record Entry(LogEntry entry, EventSeals.Content content, String contentDigest) {
    }

    /** A place in the log: the last entry a page held. */
    public record Position(String government, long sequence) {
    }

    private final LogEntryRepository log;
    private final ObjectMapper json;

    ExchangeLogService(LogEntryRepository log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** Up to {@code limit} entries after {@code after}, by government then sequence, each as the caller may see it. */
    @Transactional
    public List<Entry> page(String caller, Optional<String> government, Optional<Position> after, int limit) {
        return log.page(NoticeService.CONSUMER, government, after.map(Position::government).orElse(""),
                after.map(Position::sequence).orElse(0L), limit).stream().map(row -> entry(caller, row)).toList();
    }

    private Entry entry(String caller, LogEntry row) {
        EventSeals.Content content = new EventSeals.Content(row.eventId, row.eventType, row.source, row.subject,
                row.eventKey, row.data);
        return visibleTo(caller, row) ? new Entry(row, content, null) : new Entry(row, null, content.digest());
    }

    /** The organizer's own events, and others' whose distribution at that version included the caller. */
    private boolean visibleTo(String caller, LogEntry row) {
        if (row.government.equals(caller)) {
            return true;
        }
        try {
            ActivityChanged.Distribution distribution = json.readValue(row.data, ActivityChanged.class).distribution();
            return distribution != null && (distribution.scope() == DistributionScope.ALL_PARTNERS
                    || (distribution.governments() != null && distribution.governments().contains(caller)));
        } catch (JsonProcessingException e) {
            return false; // an event no consumer could read stays with its organizer
        }
    }
}
