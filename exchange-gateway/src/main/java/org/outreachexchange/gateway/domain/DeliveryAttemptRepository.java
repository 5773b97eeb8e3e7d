package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    /** The attempts of a page of deliveries (at most a page's worth of ids), in order per delivery. */
    public List<DeliveryAttempt> ofDeliveries(Collection<UUID> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of() : list("deliveryId in ?1 order by deliveryId, attempt", deliveryIds);
    }
}
