package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A partner's acknowledgement of an activity's notice; a later one from the same government replaces it. */
@Entity
@Table(name = "acknowledgement")
@IdClass(Acknowledgement.Key.class)
public class Acknowledgement {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;
    @Id
    public String government;
    public String agency;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    public String comment;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** {@code government}'s first acknowledgement of the activity's notice. */
    public static Acknowledgement of(UUID activityId, String government, String agency, Verdict verdict, String comment,
                                     Instant at) {
        Acknowledgement acknowledgement = new Acknowledgement();
        acknowledgement.activityId = activityId;
        acknowledgement.government = government;
        acknowledgement.replace(agency, verdict, comment, at);
        return acknowledgement;
    }

    /** A later acknowledgement from the same government replaces the earlier one, whichever of its agencies gives it. */
    public void replace(String agency, Verdict verdict, String comment, Instant at) {
        this.agency = agency;
        this.verdict = verdict;
        this.comment = comment;
        this.acknowledgedAt = at;
    }

    public record Key(UUID activityId, String government) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
