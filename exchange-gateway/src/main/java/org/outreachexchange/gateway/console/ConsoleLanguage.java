package org.outreachexchange.gateway.console;

import java.util.Locale;

/** The console's languages: English and Japanese. */
public final class ConsoleLanguage {

    private ConsoleLanguage() {
    }

    public static boolean supported(String language) {
        return "en".equals(language) || "ja".equals(language);
    }

    /** {@code ja} when the browser prefers Japanese to English, else {@code en}. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return "en";
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("ja")) {
                return "ja";
            }
            if (tag.startsWith("en")) {
                return "en";
            }
        }
        return "en";
    }
}
