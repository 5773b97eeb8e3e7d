package org.outreachexchange.identity;

import java.time.Instant;

/**
 * Who is calling: an agency of one government. {@code government} is the code whose key signed the token,
 * so it cannot be claimed by anyone holding another government's key.
 */
public record AgencyIdentity(String government, String agency, String subject, Instant expiresAt) {
}
