package org.kepu.site.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A month as a calendar: whole weeks from Monday to Sunday, each day with the occurrences that start on it
 * (days are the site's time zone's, as {@link EventView#day()} is).
 */
record MonthGrid(YearMonth month, List<Week> weeks) {

    record Week(List<Day> days) {
    }

    /**
     * @param inMonth false for the days of the neighbouring months that fill the first and last week
     * @param today   whether it is the current day
     */
    record Day(LocalDate date, boolean inMonth, boolean today, List<EventView> events) {

        public int number() {
            return date.getDayOfMonth();
        }

        public int weekday() {
            return date.getDayOfWeek().getValue();
        }
    }

    static MonthGrid of(YearMonth month, List<EventView> events, LocalDate today) {
        Map<LocalDate, List<EventView>> byDay = events.stream().collect(Collectors.groupingBy(EventView::day));
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> days = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                boolean inMonth = YearMonth.from(date).equals(month);
                days.add(new Day(date, inMonth, date.equals(today), inMonth ? byDay.getOrDefault(date, List.of()) : List.of()));
            }
            weeks.add(new Week(List.copyOf(days)));
        }
        return new MonthGrid(month, List.copyOf(weeks));
    }
}
