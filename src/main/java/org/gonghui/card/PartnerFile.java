package org.gonghui.card;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.CsvText;
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
        List<Line> lines = CsvText.isSpreadsheet(bytes)
                ? Spreadsheets.read(file, maxLines).stream().map(row -> new Line(row.number(), row.cells())).toList()
                : csv(CsvText.text(bytes).orElseThrow(() -> DomainException.invalid("card.file.unreadable")), maxLines);
        if (lines.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        return lines;
    }

    private static List<Line> csv(String text, int maxLines) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\n|\r", -1);
        boolean first = true;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            List<String> cells = CsvText.cells(raw[i]);
            if (first && !CsvText.startsWithDigit(cells.get(0))) {
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

    /** A date as people write it (2026-02-14, 2026/2/14, 2026年2月14日, 20260214); null if it is none. */
    public static LocalDate date(String text) {
        return CsvText.date(text);
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
