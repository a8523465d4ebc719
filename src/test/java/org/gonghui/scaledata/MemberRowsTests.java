package org.gonghui.scaledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class MemberRowsTests {

    private final PersonalDataCipher cipher = new PersonalDataCipher(new byte[32], "h".repeat(32).getBytes());
    private final MemberRows rows = new MemberRows(cipher, 1_000);

    private final Person left = new Person(7, 170, "王伟", "11010519491231002X", "13812345678", MemberType.RETIRED,
            LocalDate.of(1990, 5, 1), MemberStatus.LEFT, LocalDate.of(2020, 3, 2), "6230580900000000007");

    @Test
    void sealsPersonalValuesAsTheRegistryDoes() {
        StringBuilder out = new StringBuilder();
        rows.member(out, left);
        String[] fields = out.toString().split("\n")[0].split("\t", -1);

        String columns = MemberRows.COPY_MEMBERS.substring(MemberRows.COPY_MEMBERS.indexOf('(') + 1,
                MemberRows.COPY_MEMBERS.indexOf(')'));
        assertThat(fields).hasSize(columns.split(",").length);
        assertThat(fields[1]).isEqualTo("王伟");
        assertThat(fields[2]).isEqualTo("FEMALE");
        assertThat(fields[3]).isEqualTo("1949-12-31");
        assertThat(cipher.decrypt(fields[4])).isEqualTo("11010519491231002X");
        assertThat(fields[5]).isEqualTo(cipher.hash("11010519491231002X"));
        assertThat(fields[6]).isEqualTo(new IdNumber("11010519491231002X").masked());
        assertThat(cipher.decrypt(fields[7])).isEqualTo("13812345678");
        assertThat(fields[8]).isEqualTo(cipher.hash("13812345678"));
        assertThat(fields[9]).isEqualTo("138****5678");
        assertThat(fields).containsSequence("170", "RETIRED", "LEFT", "1990-05-01", "***************0007",
                "1990-05-01 09:00:00+08", "2020-03-02 10:00:00+08", "0");
    }

    @Test
    void writesNullCardsAsCopyNulls() {
        StringBuilder out = new StringBuilder();
        rows.member(out, new Person(8, 170, "李静", "11010519491231002X", "13812345678", MemberType.IN_SERVICE,
                LocalDate.of(1990, 5, 1), MemberStatus.ACTIVE, null, null));
        assertThat(out.toString().split("\t")[14]).isEqualTo("\\N");
    }

    @Test
    void givesLeaversASecondHistoryLineWithItsOwnId() {
        StringBuilder out = new StringBuilder();
        rows.history(out, left);
        assertThat(out.toString().split("\n")).containsExactly(
                "7\t7\tACTIVE\t170\t1990-05-01 09:00:00+08\tsystem\tscale data",
                "1007\t7\tLEFT\t170\t2020-03-02 10:00:00+08\tsystem\tscale data");
    }
}
