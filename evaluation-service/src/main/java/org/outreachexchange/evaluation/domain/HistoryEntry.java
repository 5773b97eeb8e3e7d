package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** One change to a country's evaluation, with the whole state after it. */
@Entity
@Table(name = "evaluation_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String country;
    @Column(name = "evaluation_version")
    public int evaluationVersion;
    /** When the evaluation took effect: the document's date for the seed, the change's commit time otherwise. */
    @Column(name = "effective_at")
    public Instant effectiveAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "origin_kind")
    public OriginKind originKind;
    @Column(name = "origin_reference")
    public String originReference;
    @Column(name = "origin_government")
    public String originGovernment;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> changes;
    @JdbcTypeCode(SqlTypes.JSON)
    public CountryState state;

    protected HistoryEntry() {
    }

    /**
     * The record of {@code outcome}, which brought {@code evaluation} to its current version.
     *
     * @param effectiveAt when the evaluation took effect
     * @param recordedAt  when the change was made
     */
    public static HistoryEntry of(CountryEvaluation evaluation, Outcome outcome, Origin origin, String reason,
                                  Instant effectiveAt, Instant recordedAt) {
        HistoryEntry entry = new HistoryEntry();
        entry.country = evaluation.country;
        entry.evaluationVersion = evaluation.evaluationVersion;
        entry.effectiveAt = effectiveAt;
        entry.recordedAt = recordedAt;
        entry.reason = reason;
        entry.originKind = origin.kind();
        entry.originReference = origin.reference();
        entry.originGovernment = origin.government();
        entry.changes = outcome.changes().stream().map(Enum::name).toList();
        entry.state = outcome.after();
        return entry;
    }

    public Origin origin() {
        return new Origin(originKind, originReference, originGovernment);
    }
}
