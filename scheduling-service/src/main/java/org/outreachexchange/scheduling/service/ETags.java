package org.outreachexchange.scheduling.service;

import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.scheduling.domain.Activity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An activity's ETag is its version in quotes, e.g. {@code "3"}. */
public final class ETags {

    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");

    private ETags() {
    }

    public static String of(Activity activity) {
        return "\"" + activity.version() + "\"";
    }

    /** The version an If-Match header expects; empty for none or {@code *}. */
    public static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = STRONG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ProblemException.of(412, "If-Match " + ifMatch + " is not an ETag of this service; use the ETag of a GET, e.g. \"3\"");
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }
}
