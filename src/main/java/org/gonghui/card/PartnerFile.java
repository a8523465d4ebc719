package org.gonghui.card;

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
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.Spreadsheets;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads a file a partner sends (the bank's issuance file, its loan decisions, a unit's insurance list): an Excel
 * sheet (recognised by its content) or CSV text in UTF-8 or GBK/GB18030 (as Excel saves it on a Chinese Windows).
 * A first line that does not start with a digit is a header and skipped; blank lines are skipped.
 */
public final class PartnerFile {

    /** A line of the file: its number as an editor or Excel shows it and its cells. */
    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT)};

    private PartnerFile() {
    }

    public static List<Line> read(MultipartFile file, int maxLines) {
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
        List<Line> lines = isSpreadsheet(bytes)
                ? Spreadsheets.read(file, maxLines).stream().map(row -> new Line(row.number(), row.cells())).toList()
                : csv(text(bytes), maxLines);
        if (lines.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        return lines;
    }

    private static boolean isSpreadsheet(byte[] bytes) {
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
        throw DomainException.invalid("card.file.unreadable");
    }

    private static List<Line> csv(String text, int maxLines) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\n|\r", -1);
        boolean first = true;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(raw[i]);
            if (first && !startsWithDigit(cells.get(0))) {
                first = false;
                continue;
            }
            first = false;
            lines.add(new Line(i + 1, cells));
            if (lines.size() > maxLines) {
                throw DomainException.invalid("upload.too-many-rows", String.valueOf(maxLines));
            }
        }
        return lines;
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

    /** A version as the bank writes it (2.0, 3.0, 2, 3, V2, V3); null if it is none. */
    static CardVersion version(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        switch (value) {
            case "2", "2.0", "V2", "V2.0", "2.0版":
                return CardVersion.V2;
            case "3", "3.0", "V3", "V3.0", "3.0版":
                return CardVersion.V3;
            default:
                return null;
        }
    }
}
