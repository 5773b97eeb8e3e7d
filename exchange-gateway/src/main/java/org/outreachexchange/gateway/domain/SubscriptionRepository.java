package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    /** Every subscription, active or not, in creation order. */
    public List<Subscription> allByCreation() {
        return list("order by createdAt, id");
    }

    /**
     * The subscriptions' generation (V8), which a trigger bumps with every statement that changes them, read over the
     * session's connection. Plain JDBC, because Hibernate's query-plan cache does not recognise a native query with a
     * synchronized entity class as one it has seen: each call added an entry under one hash, and the lookups through
     * them took a third of the gateway's CPU under the bench. A subscription changed in this transaction and not yet
     * flushed is therefore not seen; no caller changes one before it fans out or dispatches.
     */
    public long generation() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT generation FROM subscription_generation")) {
                if (!rs.next()) {
                    throw new IllegalStateException("subscription_generation has no row (migration V8)");
                }
                return rs.getLong(1);
            }
        });
    }

    /**
     * Up to {@code limit} subscriptions of {@code government} after {@code position}, by creation then id: those
     * {@code agency} created, or all of the government's when {@code agency} is empty (its coordinator).
     */
    public List<Subscription> page(String government, Optional<String> agency, Optional<Keyset.ByTime> position, int limit) {
        StringBuilder query = new StringBuilder("government = :government");
        Parameters parameters = Parameters.with("government", government);
        agency.ifPresent(a -> {
            query.append(" and agency = :agency");
            parameters.and("agency", a);
        });
        position.ifPresent(p -> {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            parameters.and("at", p.at()).and("id", p.id());
        });
        return find(query + " order by createdAt, id", parameters).page(0, limit).list();
    }

    /**
     * Holds the government's subscription count still until the transaction ends, so two agencies subscribing at once
     * cannot both pass the cap on the last free place.
     */
    public void lockGovernment(String government) {
        getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, "subscriptions:" + government).getSingleResult();
    }

    public long countOfGovernment(String government) {
        return count("government", government);
    }

    public Optional<Subscription> byFeedToken(String token) {
        return find("feedToken = ?1 and channel = ?2 and active = true", token, DeliveryChannel.ICAL).firstResultOptional();
    }
}
