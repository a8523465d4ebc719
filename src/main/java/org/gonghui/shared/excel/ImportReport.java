package org.gonghui.shared.excel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of an all-or-nothing sheet import: either every row was imported, or none was and each bad
 * row carries its localised reasons. The error report is the uploaded rows plus a column of reasons, so
 * the user can fix the sheet in Excel and upload it again.
 */
public record ImportReport(int rows, int imported, List<RowError> errors) {

    /** The problems of one row (row numbers as Excel shows them). */
    public record RowError(int row, List<String> cells, List<String> messages) {
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    public static ImportReport success(int rows) {
        return new ImportReport(rows, rows, List.of());
    }

    public static ImportReport failure(int rows, List<RowError> errors) {
        return new ImportReport(rows, 0, List.copyOf(errors));
    }

    /** The error report as an Excel file: the header given, a row-number column and a reasons column. */
    public byte[] errorWorkbook(List<String> header, String rowLabel, String reasonLabel) {
        List<String> fullHeader = new ArrayList<>();
        fullHeader.add(rowLabel);
        fullHeader.addAll(header);
        fullHeader.add(reasonLabel);
        List<List<Object>> rows = new ArrayList<>();
        for (RowError error : errors) {
            List<Object> values = new ArrayList<>();
            values.add(error.row());
            for (int i = 0; i < header.size(); i++) {
                values.add(i < error.cells().size() ? error.cells().get(i) : "");
            }
            values.add(String.join("；", error.messages()));
            rows.add(values);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "errors", fullHeader, rows);
        return out.toByteArray();
    }
}
