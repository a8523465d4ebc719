package org.gonghui.helpdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeping the working calendar: every staff user reads a year's holidays and make-up days; the city's admins add
 * or remove a day, replace a year's list, or import a file (CSV or Excel, one line per day: date, kind, name) — all
 * of it or nothing, with a report naming each bad line. Every change is audit-logged and the in-memory calendar
 * reloaded once it is committed.
 */
@Service
public class CalendarManagement {

    static final int MAX_ROWS = 1000;

    private final CalendarDays days;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final MessageSource messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarManagement(CalendarDays days, WorkingCalendar calendar, AuditLog audit, MessageSource messages,
            org.springframework.context.ApplicationEventPublisher events) {
        this.days = days;
        this.calendar = calendar;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
    }

    /** The listed days of {@code year}, in order. Staff only. */
    public List<CalendarDay> year(CurrentUser user, int year) {
        TreePath.scopeOf(user);
        requireYear(year);
        return days.year(year);
    }

    /** Lists a holiday or make-up day (replacing what was listed for that day). */
    @Transactional
    public CalendarDay put(CurrentUser user, LocalDate day, CalendarDay.Kind kind, String name) {
        CityAdmins.require(user);
        List<String> problems = CalendarDay.problems(day, kind, name);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems.get(0), CalendarDay.MAX_NAME);
        }
        CalendarDay entry = new CalendarDay(day, kind, name);
        days.put(entry);
        audit.record("helpdesk.calendar.put", "helpdesk_calendar_day", day, kind + " " + entry.name());
        reloadAfterCommit();
        return entry;
    }

    /** Removes a listed day: it becomes a plain weekday or weekend day again. */
    @Transactional
    public void remove(CurrentUser user, LocalDate day) {
        CityAdmins.require(user);
        if (day == null || !days.remove(day)) {
            throw DomainException.notFound("helpdesk.calendar.day.not-listed");
        }
        audit.record("helpdesk.calendar.remove", "helpdesk_calendar_day", day, null);
        reloadAfterCommit();
    }

    /** Replaces the whole list of {@code year} (every day must lie in it, each once). */
    @Transactional
    public List<CalendarDay> replaceYear(CurrentUser user, int year, List<CalendarDay> entries) {
        CityAdmins.require(user);
        requireYear(year);
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay entry : entries) {
            if (entry.day().getYear() != year) {
                throw DomainException.invalid("helpdesk.calendar.day.other-year", entry.day(), String.valueOf(year));
            }
            if (!seen.add(entry.day())) {
                throw DomainException.invalid("helpdesk.calendar.day.twice", entry.day());
            }
        }
        days.removeYear(year);
        entries.forEach(days::put);
        audit.record("helpdesk.calendar.replace", "helpdesk_calendar_day", year, entries.size() + " days");
        reloadAfterCommit();
        return days.year(year);
    }

    /** Imports a CSV or Excel file of days: every line or none, each listed day replaced. */
    @Transactional
    public ImportReport importFile(CurrentUser user, MultipartFile file) {
        CityAdmins.require(user);
        List<CalendarFile.Line> lines = CalendarFile.read(file, MAX_ROWS);
        if (lines.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<CalendarDay> entries = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarFile.Line line : lines) {
            LocalDate day = CalendarFile.parseDay(line.cell(0));
            CalendarDay.Kind kind = CalendarFile.parseKind(line.cell(1));
            List<String> problems = new ArrayList<>();
            if (day == null && !line.cell(0).isBlank()) {
                problems.add(message("helpdesk.calendar.day.invalid", line.cell(0)));
            }
            if (kind == null && !line.cell(1).isBlank()) {
                problems.add(message("helpdesk.calendar.kind.invalid", line.cell(1)));
            }
            CalendarDay.problems(day, kind, line.cell(2)).stream()
                    .filter(code -> !(code.endsWith("day.required") && !line.cell(0).isBlank())
                            && !(code.endsWith("kind.required") && !line.cell(1).isBlank()))
                    .forEach(code -> problems.add(message(code, CalendarDay.MAX_NAME)));
            if (day != null && !seen.add(day)) {
                problems.add(message("helpdesk.calendar.day.twice", day));
            }
            if (problems.isEmpty()) {
                entries.add(new CalendarDay(day, kind, line.cell(2)));
            } else {
                errors.add(new ImportReport.RowError(line.number(), line.cells(), problems));
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.failure(lines.size(), errors);
        }
        entries.forEach(days::put);
        audit.record("helpdesk.calendar.import", "helpdesk_calendar_day", null, entries.size() + " days");
        reloadAfterCommit();
        return ImportReport.success(lines.size());
    }

    /** The localised header of the import template and error report. */
    public List<String> header() {
        return List.of(message("helpdesk.calendar.day"), message("helpdesk.calendar.kind"),
                message("helpdesk.calendar.name"));
    }

    private static void requireYear(int year) {
        if (year < CalendarDay.FIRST_YEAR || year > CalendarDay.LAST_YEAR) {
            throw DomainException.invalid("helpdesk.calendar.year.out-of-range", String.valueOf(CalendarDay.FIRST_YEAR),
                    String.valueOf(CalendarDay.LAST_YEAR));
        }
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(new WorkingCalendarChanged()); // to the other instances
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.reload();
                }
            });
        } else {
            calendar.reload();
        }
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
