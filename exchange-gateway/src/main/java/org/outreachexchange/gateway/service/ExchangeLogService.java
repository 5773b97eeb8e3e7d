package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.ProblemException;
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

    public record Page(List<Entry> entries, Optional<String> next) {
    }

    private final LogEntryRepository log;
    private final ObjectMapper json;

    ExchangeLogService(LogEntryRepository log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @Transactional
    public Page page(String caller, Optional<String> government, Optional<String> after, int limit) {
        String afterGovernment = "";
        long afterSequence = 0;
        if (after.isPresent()) {
            String[] cursor = after.get().split(":", 2);
            if (cursor.length != 2 || !cursor[0].matches("[A-Z]{2,3}") || !cursor[1].matches("[0-9]{1,18}")) {
                throw ProblemException.invalid("after", "cursor", "after is the 'next' value of a previous page");
            }
            afterGovernment = cursor[0];
            afterSequence = Long.parseLong(cursor[1]);
        }
        List<LogEntry> rows = log.page(NoticeService.CONSUMER, government, afterGovernment, afterSequence, limit);
        List<Entry> entries = rows.stream().map(row -> entry(caller, row)).toList();
        Optional<String> next = rows.size() < limit ? Optional.empty()
                : Optional.of(rows.get(rows.size() - 1).government + ":" + rows.get(rows.size() - 1).sequence);
        return new Page(entries, next);
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
