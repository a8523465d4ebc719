package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankFilesTests {

    private static List<BankFiles.Read> read(String text) {
        return BankFiles.readResult(text.getBytes(StandardCharsets.UTF_8), "PB000007");
    }

    @Test
    void readsSuccessAndFailureLinesWithExactAmounts() {
        List<BankFiles.Read> read = read("\uFEFF" + BankFiles.RESULT_HEADER + "\nPB000007,12,100.5,success,BR1,\n"
                + "PB000007,13,20.00,FAILED,,账户已销户\n\n");

        assertThat(read).hasSize(2).allSatisfy(r -> assertThat(r.refusal()).isNull());
        assertThat(read.get(0).line()).isEqualTo(new BankFiles.ResultLine(2, 12, new BigDecimal("100.50"), true, "BR1", null));
        assertThat(read.get(1).line()).isEqualTo(new BankFiles.ResultLine(3, 13, new BigDecimal("20.00"), false, null, "账户已销户"));
    }

    @Test
    void refusesEachBadLineWithItsReason() {
        List<BankFiles.Read> read = read(BankFiles.RESULT_HEADER + "\n"
                + "PB000008,12,1.00,SUCCESS,,\n"      // another batch
                + "PB000007,x12,1.00,SUCCESS,,\n"     // not a payment id
                + "PB000007,12,1.001,SUCCESS,,\n"     // more than fen
                + "PB000007,12,-1.00,SUCCESS,,\n"     // negative
                + "PB000007,12,1.00,OK,,\n"           // unknown result
                + "PB000007,12\n"                     // too few cells
                + "PB000007,12,1.00,SUCCESS,,,extra\n");

        assertThat(read).extracting(BankFiles.Read::refusal).containsExactly("2: batch", "3: payment", "4: amount",
                "5: amount", "6: result", "7: layout", "8: layout");
    }

    @Test
    void refusesAFileWithoutTheHeaderOrEmpty() {
        assertThatThrownBy(() -> read("batch_no,payment_id\nPB000007,1")).hasMessageContaining("payment.result.layout");
        assertThatThrownBy(() -> read("")).hasMessageContaining("upload.empty");
        assertThatThrownBy(() -> BankFiles.readResult(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, (byte) 0x81}, "PB000007"))
                .hasMessageContaining("payment.result.layout");
    }

    @Test
    void transferLinesCannotBeSplitByTheTextTheyCarry() {
        String line = BankFiles.transferLine("PB000007", 1, 12, "claim:42", "张,三", "6222020200000000001",
                new BigDecimal("12.30"), "互助金\n\"补\"");

        assertThat(line).isEqualTo("PB000007,1,12,claim:42,张 三,6222020200000000001,12.30,CNY,互助金 '补'\n");
        assertThat(line.split(",", -1)).hasSize(9);
    }
}
