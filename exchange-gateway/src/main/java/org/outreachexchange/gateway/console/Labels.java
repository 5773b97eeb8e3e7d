package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Message keys and short forms for the evaluation's codes, so a page shows "3" and a translated "Strengthen enforcement"
 * where the API says {@code CATEGORY_3}. Keys live in the {@code msg} bundle as {@code <kind>_<CODE>}.
 */
final class Labels {

    /** The order of the four elements, as the source document names them; the first not sufficient gives the category. */
    static final List<String> ELEMENTS = List.of("INTENTION", "LAWS_REGULATIONS", "ENFORCEMENT", "INDUSTRY_COOPERATION");
    static final List<String> FACTORS = List.of("TECHNOLOGY_LEVEL", "TRADE_VOLUME", "GEOGRAPHIC_LOCATION",
            "TIES_TO_COUNTRIES_OF_CONCERN");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** A choice in a form: the value sent and the message key of its label. */
    public record Option(String value, String key) {
    }

    static List<Option> options(String kind, List<String> codes) {
        return codes.stream().map(code -> new Option(code, key(kind, code))).toList();
    }

    static String key(String kind, String code) {
        return kind + "_" + (code == null ? "NONE" : code);
    }

    /** {@code CATEGORY_3} → "3"; past the categories there is no number. */
    static String categoryNumber(String category) {
        return category != null && category.startsWith("CATEGORY_") ? category.substring("CATEGORY_".length()) : "–";
    }

    /** A moment as officers read it, in UTC, the exchange's zone: {@code {p.proposedAt.utc}}. */
    @TemplateExtension
    static String utc(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** A score or weight as the API gives it, to at most four decimals and without trailing zeros. */
    static String decimal(BigDecimal value) {
        return value == null ? "–" : value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
