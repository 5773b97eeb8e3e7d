package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A one-time console sign-in link; the code's SHA-256 is the key and the agency token stays server-side. */
@Entity
@Table(name = "console_sign_in_link")
public class SignInLink {

    @Id
    @Column(name = "code_hash")
    public String codeHash;
    public String government;
    public String agency;
    public String bearer;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    public static SignInLink of(String codeHash, String government, String agency, String bearer, Instant now, Instant expiresAt) {
        SignInLink link = new SignInLink();
        link.codeHash = codeHash;
        link.government = government;
        link.agency = agency;
        link.bearer = bearer;
        link.createdAt = now;
        link.expiresAt = expiresAt;
        return link;
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
