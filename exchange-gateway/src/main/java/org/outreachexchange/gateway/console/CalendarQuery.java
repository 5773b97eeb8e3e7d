package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateData;
import java.time.YearMonth;
import java.util.Locale;

/** The calendar's filters and view as the page's query gives them; anything unusable is simply not applied. */
@TemplateData
public record CalendarQuery(String view, YearMonth month, String government, String recipient, String type,
                            String status, String compliance) {

    public static CalendarQuery of(String view, String month, String government, String recipient, String type,
                                   String status, String compliance, YearMonth defaultMonth) {
        return new CalendarQuery("month".equals(view) ? "month" : "list", parseMonth(month, defaultMonth),
                code(government, "[A-Z]{2,3}"), code(recipient, "[A-Z]{2}"), code(type, "[A-Z_]{1,40}"),
                code(status, "[A-Z_]{1,20}"), code(compliance, "[A-Z_]{1,30}"));
    }

    public boolean monthView() {
        return "month".equals(view);
    }

    private static YearMonth parseMonth(String month, YearMonth fallback) {
        try {
            return month == null || month.isBlank() ? fallback : YearMonth.parse(month);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String code(String value, String pattern) {
        if (value == null) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return upper.matches(pattern) ? upper : null;
    }
}
