package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An officer's console session, kept server-side: the browser holds only an opaque cookie, whose SHA-256 is the key.
 * The agency token stays here so the console calls the services as that agency.
 */
@Entity
@Table(name = "console_session")
public class OfficerSession {

    @Id
    @Column(name = "id_hash")
    public String idHash;
    public String government;
    public String agency;
    /** Role claims, e.g. {@code planner}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    public String bearer;
    /** Every form of the session carries it; a post without it is refused. */
    @Column(name = "form_token")
    public String formToken;
    @Column(name = "draft_page")
    public String draftPage;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> draft;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    public static OfficerSession open(String idHash, String government, String agency, List<String> roles, String bearer,
                                      String formToken, Instant now, Instant expiresAt) {
        OfficerSession session = new OfficerSession();
        session.idHash = idHash;
        session.government = government;
        session.agency = agency;
        session.roles = new ArrayList<>(roles);
        session.bearer = bearer;
        session.formToken = formToken;
        session.createdAt = now;
        session.expiresAt = expiresAt;
        return session;
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Keeps what was typed on {@code page} to give back once, when that page is next shown. */
    public void keepDraft(String page, Map<String, String> fields) {
        draftPage = page;
        draft = new LinkedHashMap<>(fields);
    }

    /** The draft typed on {@code page}, handed out once. */
    public Optional<Map<String, String>> takeDraft(String page) {
        if (draft == null || !page.equals(draftPage)) {
            return Optional.empty();
        }
        Map<String, String> taken = draft;
        draft = null;
        draftPage = null;
        return Optional.of(taken);
    }
}
