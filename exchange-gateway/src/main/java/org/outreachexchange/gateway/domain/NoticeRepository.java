package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /** Notices addressed to {@code government} raised after {@code since}, oldest first, at most {@code limit}. */
    public List<Notice> addressedSince(String government, Instant since, int limit) {
        return find("addressee = ?1 and occurredAt > ?2 order by occurredAt, id", government, since).page(0, limit).list();
    }

    public List<Notice> forActivity(UUID activityId) {
        return list("activityId = ?1 order by occurredAt, id", activityId);
    }
}
