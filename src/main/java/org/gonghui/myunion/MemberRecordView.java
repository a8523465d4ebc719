package org.gonghui.myunion;

import java.util.List;
import org.gonghui.shared.PageResult;

/**
 * A member's record for one year (in the platform's time zone): the totals per kind with the money given (payments
 * and card discounts, in fen), and one page of entries, newest first. {@code firstYear} is the earliest year with
 * an entry (this year when there is none).
 */
public record MemberRecordView(int year, long givenFen, List<YearTotal> totals, PageResult<RecordEntryView> entries,
        int firstYear, int currentYear) {

    public MemberRecordView {
        totals = List.copyOf(totals);
    }

    public long count(RecordKind kind) {
        return totals.stream().filter(t -> t.kind() == kind).mapToLong(YearTotal::count).sum();
    }
}
