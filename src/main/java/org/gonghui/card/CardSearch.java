package org.gonghui.card;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff find cards of their subtree's members (a read-side query joining the registry's name and organisation):
 * by the last four digits through {@code card.number_last4}, by the beginning of the holder's name, by status and
 * version. Newest cards first, a page at a time.
 */
@Service
@org.gonghui.shared.db.MayLag
public class CardSearch {

    private final JdbcClient jdbc;

    CardSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageResult<CardRow> search(TreePath scope, CardQuery query, int page, int size) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        StringBuilder sql = new StringBuilder("""
                select c.id, c.member_id, m.name, o.name as org_name, c.number_masked, c.card_version, c.status,
                  c.issued_on, c.branch
                from card c join member m on m.id = c.member_id join organisation o on o.id = m.org_id
                where o.path like :scope""");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"scope", scope.likePattern()});
        if (query.suffix() != null) {
            if (!query.suffix().matches("[0-9]{4}")) {
                throw DomainException.invalid("card.search.suffix.invalid");
            }
            sql.append(" and c.number_last4 = :last4");
            params.add(new Object[] {"last4", query.suffix()});
        }
        if (query.name() != null) {
            sql.append(" and m.name like :name");
            params.add(new Object[] {"name", query.name().replace("%", "").replace("_", "") + "%"});
        }
        if (query.status() != null) {
            sql.append(" and c.status = :status");
            params.add(new Object[] {"status", query.status().name()});
        }
        if (query.version() != null) {
            sql.append(" and c.card_version = :version");
            params.add(new Object[] {"version", query.version().name()});
        }
        sql.append(" order by c.id desc limit :limit offset :offset");
        var statement = jdbc.sql(sql.toString());
        for (Object[] param : params) {
            statement = statement.param((String) param[0], param[1]);
        }
        List<CardRow> rows = statement.param("limit", pageSize + 1).param("offset", (long) pageNumber * pageSize)
                .query((rs, n) -> new CardRow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"),
                        rs.getString("org_name"), rs.getString("number_masked"),
                        CardVersion.valueOf(rs.getString("card_version")), CardStatus.valueOf(rs.getString("status")),
                        rs.getDate("issued_on").toLocalDate(), rs.getString("branch")))
                .list();
        return PageResult.of(rows, pageNumber, pageSize);
    }
}
