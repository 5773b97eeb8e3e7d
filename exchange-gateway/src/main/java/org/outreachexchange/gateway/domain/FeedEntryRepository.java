package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedEntryRepository implements PanacheRepositoryBase<FeedEntry, Long> {

    public List<FeedEntry> after(UUID subscriptionId, long lastId, int limit) {
        return find("subscriptionId = ?1 and id > ?2 order by id", subscriptionId, lastId).page(0, limit).list();
    }
}
