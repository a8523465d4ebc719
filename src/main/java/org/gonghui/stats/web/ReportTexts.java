package org.gonghui.stats.web;

import org.gonghui.shared.time.PlatformTime;
import org.gonghui.stats.Dashboard;
import org.gonghui.stats.YearStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The sentences the pages, the report and the workbook share: whose figures, frozen since or live as of when. */
@Component("reportTexts")
public class ReportTexts {

    private final MessageSource messages;
    private final PlatformTime time;

    ReportTexts(MessageSource messages, PlatformTime time) {
        this.messages = messages;
        this.time = time;
    }

    public String title(Dashboard d) {
        return messages.getMessage("dashboard.report.title", new Object[] {d.orgName(), String.valueOf(d.year())},
                LocaleContextHolder.getLocale());
    }

    /** "frozen on 2026-01-01 01:00", "live, figures as of 18:05" (the day too when not today), or "not yet collected". */
    public String status(YearStatus s) {
        if (s.frozen()) {
            return messages.getMessage("dashboard.status.frozen", new Object[] {time.dateTime(s.frozenAt())},
                    LocaleContextHolder.getLocale());
        }
        if (!s.refreshed()) {
            return messages.getMessage("dashboard.status.never", null, LocaleContextHolder.getLocale());
        }
        String at = time.dateOf(s.refreshedAt()).equals(time.today()) ? time.format(s.refreshedAt(), "HH:mm")
                : time.dateTime(s.refreshedAt());
        return messages.getMessage("dashboard.status.live", new Object[] {at}, LocaleContextHolder.getLocale());
    }
}
