package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AcknowledgementRepository implements PanacheRepositoryBase<Acknowledgement, Acknowledgement.Key> {

    public List<Acknowledgement> forActivity(UUID activityId) {
        return list("activityId = ?1 order by acknowledgedAt", activityId);
    }
}
