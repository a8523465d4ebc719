package org.gonghui.shared.web;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Keeps the error report of a failed import in the user's session, so the result page can offer it for
 * download; only the user who uploaded the sheet can fetch it.
 */
@Controller
public class ImportReports {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String PREFIX = "import-errors-";

    /** Stores a report and returns its key for {@code /console/imports/{key}}. */
    public static String keep(HttpSession session, byte[] workbook) {
        String key = UUID.randomUUID().toString();
        session.setAttribute(PREFIX + key, workbook);
        return key;
    }

    @GetMapping("/console/imports/{key}")
    ResponseEntity<byte[]> download(@PathVariable String key, HttpSession session) {
        if (!key.matches("[0-9a-f-]{36}") || !(session.getAttribute(PREFIX + key) instanceof byte[] workbook)) {
            return ResponseEntity.notFound().build();
        }
        return excel(workbook, "errors.xlsx");
    }

    /** Starts an Excel download written straight to the response (for streamed exports). */
    public static void excelAttachment(jakarta.servlet.http.HttpServletResponse response, String filename) {
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString());
    }

    /** An Excel download response. */
    public static ResponseEntity<byte[]> excel(byte[] workbook, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(workbook);
    }
}
