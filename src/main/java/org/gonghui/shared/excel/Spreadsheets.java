package org.gonghui.shared.excel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gonghui.shared.DomainException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reading uploaded Excel sheets as rows of text and writing Excel files, with the checks every upload
 * needs: not empty, not too large, really a spreadsheet (by content, not by name).
 */
public final class Spreadsheets {

    /** The largest sheet accepted for import. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private Spreadsheets() {
    }

    /** A data row of an uploaded sheet: its 1-based row number as Excel shows it, and its cells as text. */
    public record SheetRow(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * Reads the first sheet of an upload, skipping the header row and blank rows.
     *
     * @throws DomainException {@code upload.empty}, {@code upload.too-large}, {@code upload.not-excel},
     *     {@code upload.too-many-rows}
     */
    public static List<SheetRow> read(MultipartFile file, int maxRows) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("upload.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw DomainException.invalid("upload.too-large", MAX_BYTES / 1024 / 1024);
        }
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            return read(in, maxRows);
        } catch (IOException e) {
            throw DomainException.invalid("upload.not-excel");
        }
    }

    static List<SheetRow> read(InputStream in, int maxRows) throws IOException {
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (!startsWith(head, ZIP) && !startsWith(head, OLE2)) {
            throw DomainException.invalid("upload.not-excel");
        }
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                SheetRow sheetRow = new SheetRow(row.getRowNum() + 1, cells);
                if (!sheetRow.isBlank()) {
                    rows.add(sheetRow);
                }
                if (rows.size() > maxRows) {
                    throw DomainException.invalid("upload.too-many-rows", maxRows);
                }
            }
            return rows;
        } catch (RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("upload.not-excel");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        try {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
        } catch (RuntimeException ignored) {
            // fall back to the displayed text
        }
        return formatter.formatCellValue(cell).trim();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one sheet with a bold header row. Rows are streamed (only a window is kept in memory), so
     * exports of hundreds of thousands of rows are fine.
     */
    public static void write(OutputStream out, String sheetName, List<String> header, Iterable<? extends List<?>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    Cell cell = row.createCell(i);
                    if (value instanceof java.time.Instant) {
                        // an instant has no wall-clock time until a zone is chosen: format it with PlatformTime first
                        throw new IllegalArgumentException("format instants with PlatformTime before exporting them");
                    }
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date.toString());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
