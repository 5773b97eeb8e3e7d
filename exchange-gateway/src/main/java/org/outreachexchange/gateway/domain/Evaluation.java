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
}
