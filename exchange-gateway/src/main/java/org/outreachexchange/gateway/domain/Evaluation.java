package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The latest re-evaluation of one recipient country, as far as coordination checks need it. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public String country;
    @Column(name = "country_name")
    public String countryName;
    @Column(name = "evaluation_version")
    public int evaluationVersion;
    public String category;
    /** JSON array of the recommendation's tools: {tool, ifNecessary, leads}. */
    public String tools;
    @Column(name = "occurred_at")
    public Instant occurredAt;

    public static Evaluation of(String country) {
        Evaluation evaluation = new Evaluation();
        evaluation.country = country;
        return evaluation;
    }

    /** Whether {@code version} is newer than the one held; an older or the same one is stale. */
    public boolean supersededBy(int version) {
        return version > evaluationVersion;
    }

    /** A re-evaluation that {@link #supersededBy supersedes} the held one replaces it. */
    public void reevaluate(int version, String countryName, String category, String tools, Instant occurredAt) {
        this.evaluationVersion = version;
        this.countryName = countryName;
        this.category = category;
        this.tools = tools;
        this.occurredAt = occurredAt;
    }
}
