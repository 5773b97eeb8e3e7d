package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LogEntryRepository implements PanacheRepositoryBase<LogEntry, LogEntry.Key> {

    /** Up to {@code limit} entries after ({@code afterGovernment}, {@code afterSequence}), by government then sequence. */
    public List<LogEntry> page(String consumer, Optional<String> government, String afterGovernment, long afterSequence,
                               int limit) {
        if (government.isPresent()) {
            return find("consumer = ?1 and government = ?2 and sequence > ?3 order by sequence", consumer, government.get(),
                    government.get().equals(afterGovernment) ? afterSequence : 0L).page(0, limit).list();
        }
        return find("consumer = ?1 and (government > ?2 or (government = ?2 and sequence > ?3)) order by government, sequence",
                consumer, afterGovernment, afterSequence).page(0, limit).list();
    }
}
