package org.gonghui.helpdesk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.shared.DomainException;
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

    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT)};

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
        if (looksLikeSpreadsheet(bytes)) {
            return Spreadsheets.read(file, maxRows).stream()
                    .map(row -> new Line(row.number(), row.cells())).toList();
        }
        return csv(text(bytes), maxRows);
    }

    private static boolean looksLikeSpreadsheet(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
                || bytes[0] == (byte) 0xD0 && bytes[1] == (byte) 0xCF && bytes[2] == 0x11 && bytes[3] == (byte) 0xE0);
    }

    private static String text(byte[] bytes) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        throw DomainException.invalid("helpdesk.calendar.file.unreadable");
    }

    private static List<Line> csv(String text, int maxRows) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            List<String> cells = cells(raw[i]);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (lines.isEmpty() && i == firstNonBlank(raw) && !startsWithDigit(cells.get(0))) {
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

    private static boolean startsWithDigit(String cell) {
        String stripped = cell.strip();
        return !stripped.isEmpty() && Character.isDigit(stripped.charAt(0));
    }

    /** The cells of a CSV line: commas (or Chinese commas, or tabs) separate, double quotes may enclose a cell. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',' || c == '，' || c == '\t') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A date as people write it (2026-02-14, 2026/2/14, 2026年2月14日, 20260214); null if it is none. */
    static LocalDate parseDay(String text) {
        String value = text == null ? "" : text.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
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
