package org.outreachexchange.gateway.console;

/** Where the console's pages are, and which return addresses it follows. */
public final class ConsolePaths {

    public static final String HOME = "/console/calendar";
    public static final String SIGN_IN = "/console/sign-in";

    private ConsolePaths() {
    }

    /** {@code target} when it is a console page of this site, else the calendar: never a redirect elsewhere. */
    public static String safeReturn(String target) {
        if (target == null || !target.startsWith("/console") || target.startsWith("//") || target.contains("\\")
                || target.startsWith(SIGN_IN) || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return HOME;
        }
        return target;
    }
}
