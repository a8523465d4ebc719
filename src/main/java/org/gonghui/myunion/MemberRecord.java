package org.gonghui.myunion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a member's own record: the year's totals and a page of its entries, newest first. Callers pass the signed-in
 * member's own id (there is no way to name another member). Both queries walk the index (member_id, occurred_at desc)
 * over one member-year, some twenty rows.
 */
@Service
public class MemberRecord {

    public static final int PAGE_SIZE = 20;
    static final int FIRST_YEAR = 2000;

    private final JdbcClient jdbc;
    private final PlatformTime time;

    MemberRecord(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The member's record for {@code year} (2000 to next year, else refused), page counted from 0. */
    @Transactional(readOnly = true)
    public MemberRecordView of(long memberId, int year, int page, int size) {
        int currentYear = time.today().getYear();
        if (year < FIRST_YEAR || year > currentYear + 1) {
            throw DomainException.invalid("myunion.year.invalid", FIRST_YEAR, currentYear);
        }
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        Timestamp from = Timestamp.from(startOf(year));
        Timestamp to = Timestamp.from(startOf(year + 1));
        List<YearTotal> totals = jdbc.sql("""
                select kind, count(*) as n, cast(sum(amount_fen) as bigint) as fen from member_record
                where member_id = :m and occurred_at >= :from and occurred_at < :to group by kind""")
                .param("m", memberId).param("from", from).param("to", to)
                .query((rs, n) -> new YearTotal(RecordKind.valueOf(rs.getString("kind")), rs.getLong("n"),
                        (Long) rs.getObject("fen", Long.class)))
                .list().stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
        long given = totals.stream().filter(t -> t.kind().money() && t.amountFen() != null)
                .mapToLong(YearTotal::amountFen).sum();
        List<RecordEntryView> rows = jdbc.sql("""
                select id, occurred_at, kind, amount_fen, title, detail from member_record
                where member_id = :m and occurred_at >= :from and occurred_at < :to
                order by occurred_at desc, id desc limit :limit offset :offset""")
                .param("m", memberId).param("from", from).param("to", to).param("limit", safeSize + 1)
                .param("offset", (long) safePage * safeSize)
                .query((rs, n) -> new RecordEntryView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        RecordKind.valueOf(rs.getString("kind")), (Long) rs.getObject("amount_fen", Long.class),
                        rs.getString("title"), rs.getString("detail")))
                .list();
        Timestamp first = jdbc.sql("select min(occurred_at) from member_record where member_id = :m")
                .param("m", memberId).query(Timestamp.class).optional().orElse(null);
        int firstYear = first == null ? currentYear : Math.min(currentYear, time.dateOf(first.toInstant()).getYear());
        return new MemberRecordView(year, given, totals, PageResult.of(rows, safePage, safeSize), firstYear,
                currentYear);
    }

    private Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(time.zone()).toInstant();
    }
}
