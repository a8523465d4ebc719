package org.gonghui.support;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.gonghui.shared.excel.Spreadsheets;
import org.springframework.mock.web.MockMultipartFile;

/** Excel uploads for tests. */
public final class Sheets {

    private Sheets() {
    }

    public static MockMultipartFile xlsx(List<String> header, List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "sheet", header, rows);
        return new MockMultipartFile("file", "upload.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
    }
}
