package org.gonghui.helpdesk;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.CsvText;
import org.gonghui.shared.excel.Spreadsheets;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded calendar file: an Excel sheet (by its content, as every import) or CSV text (UTF-8, or GB18030
 * as Excel saves it on a Chinese Windows), one line per day: date, kind, name. A first line that does not start
 * with a date is a header and skipped.
 */
final class CalendarFile {

    /** A line of the file: its number as an editor shows it and its cells. */
    record Line(int number, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }
    }


    private CalendarFile() {
    }

    static List<Line> read(MultipartFile file, int maxRows) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("upload.empty");
        }
        if (file.getSize() > Spreadsheets.MAX_BYTES) {
            throw DomainException.invalid("upload.too-large", String.valueOf(Spreadsheets.MAX_BYTES / 1024 / 1024));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw DomainException.invalid("upload.invalid");
        }
        if (CsvText.isSpreadsheet(bytes)) {
            return Spreadsheets.read(file, maxRows).stream()
                    .map(row -> new Line(row.number(), row.cells())).toList();
        }
        return csv(CsvText.text(bytes).orElseThrow(() -> DomainException.invalid("helpdesk.calendar.file.unreadable")), maxRows);
    }

    private static List<Line> csv(String text, int maxRows) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            List<String> cells = CsvText.cells(raw[i]);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (lines.isEmpty() && i == firstNonBlank(raw) && !CsvText.startsWithDigit(cells.get(0))) {
                continue;
            }
            lines.add(new Line(i + 1, cells));
            if (lines.size() > maxRows) {
                throw DomainException.invalid("upload.too-many-rows", String.valueOf(maxRows));
            }
        }
        return lines;
    }

    private static int firstNonBlank(String[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** A date as people write it (2026-02-14, 2026/2/14, 2026年2月14日, 20260214); null if it is none. */
    static LocalDate parseDay(String text) {
        return CsvText.date(text);
    }

    /** The kind in either language or its code (HOLIDAY, 放假, 假日, 休; WORKDAY, 上班, 补班, 班); null if unknown. */
    static CalendarDay.Kind parseKind(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        switch (value) {
            case "HOLIDAY", "REST", "OFF", "放假", "假日", "节假日", "休", "休息", "休息日":
                return CalendarDay.Kind.HOLIDAY;
            case "WORKDAY", "WORKING DAY", "MAKE-UP WORKING DAY", "WORK", "上班", "补班", "班", "调休上班", "工作日":
                return CalendarDay.Kind.WORKDAY;
            default:
                return null;
        }
    }
}
