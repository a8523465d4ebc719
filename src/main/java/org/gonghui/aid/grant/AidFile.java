package org.gonghui.aid.grant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.CsvText;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.excel.Spreadsheets.SheetRow;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded list as staff keep it: Excel, or CSV in UTF-8 or GB18030 (a first line that does not start with a digit
 * is the header). Lines are numbered as the file shows them, for the error report.
 */
public final class AidFile {

    private AidFile() {
    }

    public static List<SheetRow> read(MultipartFile file, int maxLines) {
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
        List<SheetRow> rows = CsvText.isSpreadsheet(bytes) ? Spreadsheets.read(file, maxLines)
                : csv(CsvText.text(bytes).orElseThrow(() -> DomainException.invalid("aid.file.unreadable")), maxLines);
        if (rows.isEmpty()) {
            throw DomainException.invalid("upload.no-rows");
        }
        return rows;
    }

    private static List<SheetRow> csv(String text, int maxLines) {
        List<SheetRow> rows = new ArrayList<>();
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
            rows.add(new SheetRow(i + 1, cells));
            if (rows.size() > maxLines) {
                throw DomainException.invalid("upload.too-many-rows", String.valueOf(maxLines));
            }
        }
        return rows;
    }
}
