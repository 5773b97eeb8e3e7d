package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @Convert(converter = JsonColumns.Strings.class)
    public List<String> changes;
    @Convert(converter = JsonColumns.State.class)
    public CountryState state;

    public Origin origin() {
        return new Origin(originKind, originReference, originGovernment);
    }
}
