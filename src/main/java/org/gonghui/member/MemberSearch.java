package org.gonghui.member;

import java.util.Locale;
import java.util.stream.Stream;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of the registry: scoped search and export streams in plain SQL. The scope is always the
 * first condition, so no query can reach past the caller's subtree.
 */
@Component
class MemberSearch {

    /** Scopes this deep (a township, a service point) hold a few dozen units at most. */
    private static final int SMALL_SCOPE_DEPTH = 3;

    static final RowMapper<MemberView> VIEW = (rs, n) -> new MemberView(rs.getLong("id"), rs.getString("name"),
            Gender.valueOf(rs.getString("gender")), rs.getDate("birth_date").toLocalDate(),
            rs.getString("id_number_masked"), rs.getString("phone_masked"), rs.getString("bank_account_masked"),
            rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
            MemberType.valueOf(rs.getString("member_type")), MemberStatus.valueOf(rs.getString("status")),
            rs.getDate("joined_on").toLocalDate(),
            rs.getString("card_number") == null ? null
                    : org.gonghui.shared.crypto.Masking.bankAccount(rs.getString("card_number")));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final PersonalDataCipher cipher;

    MemberSearch(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.cipher = cipher;
    }

    PageResult<MemberView> search(TreePath scope, MemberQuery query, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(scope, query, params);
        boolean byName = query.hasText() && kindOf(query.text()) == TextKind.NAME;
        String order = byName ? " order by m.name, m.id" : " order by m.id desc";
        params.addValue("limit", safeSize + 1).addValue("offset", (long) safePage * safeSize);
        // The page's ids first, from the indexes alone where possible (V4_91), then only those rows: a common
        // surname matches tens of thousands of members in a district, too many to read from the table.
        // A district or the city walks the name index in order and stops after one page. In a township or a
        // unit, reading each unit's matches from (org_id, name) and sorting them is several times faster, but
        // PostgreSQL, assuming matches spread evenly over the city, would walk there too: ordering by an
        // expression (the same order) takes the walk away from it.
        String pageOrder = byName && scope.depth() >= SMALL_SCOPE_DEPTH ? " order by m.name || '', m.id" : order;
        String pageIds = "select m.id from member m join organisation o on o.id = m.org_id" + where + pageOrder
                + " limit :limit offset :offset";
        var statement = jdbc.sql(select() + " join (" + pageIds + ") page on page.id = m.id" + order).paramSource(params);
        return PageResult.of(statement.query(VIEW).list(), safePage, safeSize);
    }

    /** Every matching member, streamed from the database (call inside a transaction and close the stream). */
    Stream<MemberView> stream(TreePath scope, MemberQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(scope, query, params);
        return streaming.queryForStream(select() + where + " order by o.path, m.name, m.id", params, VIEW);
    }

    private static String select() {
        return "select m.*, o.name as org_name, o.path as org_path from member m join organisation o on o.id = m.org_id";
    }

    private String where(TreePath scope, MemberQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where o.path like :scope");
        params.addValue("scope", scope.likePattern());
        if (query.hasText()) {
            String text = query.text().trim();
            switch (kindOf(text)) {
                case ID_NUMBER -> {
                    where.append(" and m.id_number_hash = :hash");
                    params.addValue("hash", cipher.hash(text.toUpperCase(Locale.ROOT)));
                }
                case PHONE -> {
                    where.append(" and m.phone_hash = :hash");
                    params.addValue("hash", cipher.hash(new PhoneNumber(text).value()));
                }
                default -> {
                    where.append(" and m.name like :name" + LikePattern.ESCAPE);
                    params.addValue("name", LikePattern.startingWith(text));
                }
            }
        }
        if (query.type() != null) {
            where.append(" and m.member_type = :type");
            params.addValue("type", query.type().name());
        }
        if (query.status() != null) {
            where.append(" and m.status = :status");
            params.addValue("status", query.status().name());
        }
        return where.toString();
    }

    enum TextKind { ID_NUMBER, PHONE, NAME }

    static TextKind kindOf(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("[0-9]{17}[0-9Xx]")) {
            return TextKind.ID_NUMBER;
        }
        if (PhoneNumber.isValid(trimmed)) {
            return TextKind.PHONE;
        }
        return TextKind.NAME;
    }

}
