package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public List<Subscription> activeOfKind(SubscriptionKind kind) {
        return list("kind = ?1 and active = true order by createdAt", kind);
    }

    public List<Subscription> ofGovernment(String government) {
        return list("government = ?1 order by createdAt", government);
    }

    public Optional<Subscription> byFeedToken(String token) {
        return find("feedToken = ?1 and channel = ?2 and active = true", token, DeliveryChannel.ICAL).firstResultOptional();
    }
}
