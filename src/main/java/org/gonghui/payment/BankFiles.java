package org.gonghui.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.CsvText;

/**
 * The partner bank's file layouts (docs/payment-bank-files.md): the transfer file we send and the result file the
 * bank sends back. Parsing a result line answers either a settlement or the reason it is refused.
 */
final class BankFiles {

    static final String TRANSFER_HEADER =
            "batch_no,line_no,payment_id,source_ref,account_name,account_number,amount,currency,purpose";
    static final String RESULT_HEADER = "batch_no,payment_id,amount,result,bank_ref,message";

    private BankFiles() {
    }

    /** One line of the transfer file (text cells are cleaned of the separators). */
    static String transferLine(String batchNo, int lineNo, long paymentId, String sourceRef, String name,
            String account, BigDecimal amount, String purpose) {
        return batchNo + ',' + lineNo + ',' + paymentId + ',' + sourceRef + ',' + text(name) + ',' + account + ','
                + amount.toPlainString() + ",CNY," + text(purpose) + '\n';
    }

    /** A result line that can be applied: the payment it names, the amount the bank states, success or not. */
    record ResultLine(int lineNo, long paymentId, BigDecimal amount, boolean success, String bankRef, String message) {
    }

    /** A line read from the result file: either {@code line} or {@code refusal} ("<line number>: <reason>"). */
    record Read(ResultLine line, String refusal) {
    }

    /**
     * The lines of a result file for this batch. A file that is empty, not text, or whose first line is not the
     * header is refused as a whole; single lines with the wrong batch, payment id, amount or result are refused.
     */
    static List<Read> readResult(byte[] file, String batchNo) {
        if (file == null || file.length == 0) {
            throw DomainException.invalid("upload.empty");
        }
        String text = CsvText.text(file)
                .orElseThrow(() -> DomainException.invalid("payment.result.layout", RESULT_HEADER));
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(RESULT_HEADER)) {
            throw DomainException.invalid("payment.result.layout", RESULT_HEADER);
        }
        List<Read> read = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                read.add(readLine(i + 1, line, batchNo));
            }
        }
        return read;
    }

    static Read readLine(int lineNo, String line, String batchNo) {
        String[] cells = line.split(",", -1);
        if (cells.length < 4 || cells.length > 6) {
            return refused(lineNo, "layout");
        }
        if (!cells[0].strip().equals(batchNo)) {
            return refused(lineNo, "batch");
        }
        String id = cells[1].strip();
        if (!id.matches("[0-9]{1,18}")) {
            return refused(lineNo, "payment");
        }
        Optional<BigDecimal> amount = amount(cells[2].strip());
        if (amount.isEmpty()) {
            return refused(lineNo, "amount");
        }
        String result = cells[3].strip().toUpperCase(Locale.ROOT);
        if (!result.equals("SUCCESS") && !result.equals("FAILED")) {
            return refused(lineNo, "result");
        }
        String bankRef = cells.length > 4 ? limit(cells[4].strip(), 60) : null;
        String message = cells.length > 5 ? limit(cells[5].strip(), 200) : null;
        return new Read(new ResultLine(lineNo, Long.parseLong(id), amount.get(), result.equals("SUCCESS"),
                bankRef == null || bankRef.isEmpty() ? null : bankRef, message == null || message.isEmpty() ? null : message),
                null);
    }

    static Read refused(int lineNo, String reason) {
        return new Read(null, lineNo + ": " + reason);
    }

    private static Optional<BigDecimal> amount(String text) {
        if (!text.matches("[0-9]{1,12}(\\.[0-9]{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text).setScale(2));
    }

    private static String limit(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String text(String text) {
        return text == null ? "" : text.replace(",", " ").replace("\n", " ").replace("\r", " ").replace("\"", "'");
    }
}
