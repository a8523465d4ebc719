package org.gonghui.shared.excel;

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
import java.util.Optional;

/**
 * The pieces every upload of a CSV-or-Excel file needs: is it a spreadsheet (by its first bytes), its text (UTF-8, or
 * GB18030 as Excel saves CSV on a Chinese Windows, without a byte-order mark), a line's cells and a date as people
 * write it.
 */
public final class CsvText {

    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT)};

    private CsvText() {
    }

    /** An .xlsx (zip) or .xls (OLE2) file, by its first bytes. */
    public static boolean isSpreadsheet(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
                || bytes[0] == (byte) 0xD0 && bytes[1] == (byte) 0xCF && bytes[2] == 0x11 && bytes[3] == (byte) 0xE0);
    }

    /** The text in UTF-8 or else GB18030, without a byte-order mark; empty when it is neither. */
    public static Optional<String> text(byte[] bytes) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        return Optional.empty();
    }

    /** The cells of a CSV line: commas (or Chinese commas, or tabs) separate, double quotes may enclose a cell. */
    public static List<String> cells(String line) {
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

    /** A date as people write it (2026-02-14, 2026/2/14, 2026.2.14, 2026年2月14日, 20260214); null if it is none. */
    public static LocalDate date(String text) {
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

    /** Whether the cell starts with a digit once stripped (a data line, not a header). */
    public static boolean startsWithDigit(String cell) {
        String stripped = cell.strip();
        return !stripped.isEmpty() && Character.isDigit(stripped.charAt(0));
    }
}
