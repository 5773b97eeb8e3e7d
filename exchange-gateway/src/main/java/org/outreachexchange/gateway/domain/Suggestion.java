package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's suggested change to an activity's agenda or objectives. The organizer's government answers it once:
 * accepting records the decision only, since the activity is the organizer's and changes only through its own
 * scheduling-service (its officer applies the change there as a revision).
 */
@Entity
@Table(name = "suggestion")
public class Suggestion {

    @Id
    public UUID id;
    @Column(name = "activity_id")
    public UUID activityId;
    /** The suggesting government and agency, from the token. */
    public String government;
    public String agency;
    @Enumerated(EnumType.STRING)
    public SuggestionKind kind;
    public String text;
    /** For an objective: the element of export control it serves. */
    public String element;
    public String reason;
    @Enumerated(EnumType.STRING)
    public SuggestionStatus status;
    /** The organizer's agency that answered. */
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "answer_comment")
    public String answerComment;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;

    public static Suggestion of(UUID activityId, String government, String agency, SuggestionKind kind, String text,
                                String element, String reason, Instant now) {
        Suggestion suggestion = new Suggestion();
        suggestion.id = UUID.randomUUID();
        suggestion.activityId = activityId;
        suggestion.government = government;
        suggestion.agency = agency;
        suggestion.kind = kind;
        suggestion.text = text;
        suggestion.element = kind == SuggestionKind.OBJECTIVE ? element : null;
        suggestion.reason = reason;
        suggestion.status = SuggestionStatus.OPEN;
        suggestion.createdAt = now;
        return suggestion;
    }

    /** The organizer's answer; a suggestion is answered once (an answered one refuses another). */
    public void answer(boolean accepted, String agency, String comment, Instant now) {
        if (status != SuggestionStatus.OPEN) {
            throw new IllegalStateException("suggestion " + id + " was already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        status = accepted ? SuggestionStatus.ACCEPTED : SuggestionStatus.DECLINED;
        answeredBy = agency;
        answerComment = comment;
        answeredAt = now;
    }

    public boolean open() {
        return status == SuggestionStatus.OPEN;
    }
}
