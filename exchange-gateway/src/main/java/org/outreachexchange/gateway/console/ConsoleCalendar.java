package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.service.ScheduleService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared calendar, read through the gateway's own {@link ScheduleService} with the officer's government as the
 * caller: exactly what {@code GET /schedule} would give that government, so the console holds no second copy.
 */
@ApplicationScoped
public class ConsoleCalendar {

    private static final int PAGE = 1000;

    /** One day of the month grid. */
    @TemplateData
    public record Day(LocalDate date, boolean inMonth, List<CalendarItem> items) {
        public int dayOfMonth() {
            return date.getDayOfMonth();
        }
    }

    @TemplateData
    public record Week(List<Day> days) {
    }

    private final ScheduleService schedule;
    private final ObjectMapper json;

    ConsoleCalendar(ScheduleService schedule, ObjectMapper json) {
        this.schedule = schedule;
        this.json = json;
    }

    /** Every activity the government may see that matches the filters, by first day (undated last). */
    public List<CalendarItem> items(String government, CalendarQuery query) {
        LocalDate from = query.monthView() ? query.month().atDay(1) : null;
        LocalDate to = query.monthView() ? query.month().atEndOfMonth() : null;
        ScheduleService.Query filter = new ScheduleService.Query(query.government(), query.recipient(), from, to,
                compliance(query.compliance()).orElse(null));
        List<CalendarItem> items = new ArrayList<>();
        Keyset.ByDate position = Keyset.ByDate.START;
        while (true) {
            List<ScheduleService.Entry> page = schedule.schedule(government, filter, position, PAGE);
            page.stream().filter(e -> query.type() == null || e.activity().type.equals(query.type()))
                    .filter(e -> query.status() == null || e.activity().status.name().equals(query.status()))
                    .map(e -> CalendarItem.of(e.activity(), e.withheld(), json)).forEach(items::add);
            if (page.size() < PAGE) {
                return items;
            }
            position = Keyset.ByDate.of(page.get(page.size() - 1).activity());
        }
    }

    /** The month as weeks from Monday, each day with the activities on it. */
    public List<Week> weeks(YearMonth month, List<CalendarItem> items) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            days.add(new Day(d, YearMonth.from(d).equals(month), items.stream().filter(i -> i.on(d)).toList()));
            if (days.size() == 7) {
                weeks.add(new Week(List.copyOf(days)));
                days.clear();
            }
        }
        return weeks;
    }

    private static Optional<ScheduleService.Compliance> compliance(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScheduleService.Compliance.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
