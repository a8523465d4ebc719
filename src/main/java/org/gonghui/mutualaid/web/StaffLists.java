package org.gonghui.mutualaid.web;

import java.util.List;
import org.gonghui.mutualaid.StaffRow;
import org.gonghui.shared.excel.Spreadsheets;
import org.springframework.web.multipart.MultipartFile;

/** A unit's staff list from Excel: column A the name, column B the ID number, a header row first. */
final class StaffLists {

    static final int MAX_ROWS = 100_000;

    private StaffLists() {
    }

    static List<StaffRow> read(MultipartFile file) {
        return Spreadsheets.read(file, MAX_ROWS).stream()
                .map(row -> new StaffRow(row.number(), row.cell(0), row.cell(1))).toList();
    }
}
