package org.gonghui.member;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' figures for the 数说 dashboards, from the registry and its status history
 * ({@code member_status_change}: every registration, transfer and status change, with the organisation after it).
 * Active at the year's end, by member type: the member's last change recorded before the next year began leaves them
 * active, under that change's organisation (so a member who moved is counted where they were then; the type is the
 * current one — the registry keeps no type history). Joined: members whose joining date lies in the year, under their
 * current organisation. Left: changes to 已退会 or 已转出 in the year, under the organisation they left. For the
 * current year "active at the year's end" is the registry now ({@link Members#countActive}).
 */
@Component
class MemberFigureSource implements FigureSource {

    static final String SECTION = "members";

    private final JdbcClient jdbc;
    private final PlatformTime time;

    MemberFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    static String key(MemberType type) {
        return "members.active." + switch (type) {
            case IN_SERVICE -> "inService";
            case MIGRANT -> "migrant";
            case RETIRED -> "retired";
        };
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        for (MemberType type : MemberType.values()) {
            list.add(FigureDefinition.count(SECTION, key(type)));
        }
        list.add(FigureDefinition.count(SECTION, "members.joined"));
        list.add(FigureDefinition.count(SECTION, "members.left"));
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        Timestamp from = Timestamp.from(time.startOf(LocalDate.of(year, 1, 1)));
        Timestamp to = Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1)));
        jdbc.sql("""
                select h.org_id, m.member_type, count(*)
                from (select member_id, status, org_id,
                        row_number() over (partition by member_id order by id desc) as rn
                      from member_status_change where changed_at < :to) h
                join member m on m.id = h.member_id
                where h.rn = 1 and h.status = 'ACTIVE' and m.joined_on <= :end
                group by h.org_id, m.member_type""")
                .param("to", to).param("end", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query(rs -> {
                    sink.add(rs.getLong(1), key(MemberType.valueOf(rs.getString(2))), rs.getLong(3));
                });
        jdbc.sql("select org_id, count(*) from member where joined_on between :start and :end group by org_id")
                .param("start", Date.valueOf(LocalDate.of(year, 1, 1))).param("end", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query(rs -> {
                    sink.add(rs.getLong(1), "members.joined", rs.getLong(2));
                });
        jdbc.sql("""
                select coalesce(from_org_id, org_id), count(*) from member_status_change
                where status in ('LEFT', 'TRANSFERRED') and changed_at >= :from and changed_at < :to
                group by coalesce(from_org_id, org_id)""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(rs.getLong(1), "members.left", rs.getLong(2));
                });
    }
}
