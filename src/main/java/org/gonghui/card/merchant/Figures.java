package org.gonghui.card.merchant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The discount figures (惠及人次, distinct members, 特惠金额) of a year by merchant, category, outlet, organisation
 * (the member's organisation, one level below the staff user's) or month. Staff see redemptions of members in their
 * subtree; a merchant's account only its own merchant's redemptions.
 */
@Service
public class Figures {

    /** How the figures are grouped. */
    public enum By {
        MERCHANT, CATEGORY, OUTLET, ORGANISATION, MONTH
    }

    /** One line: what it is (a label, or a key for the bundle with {@code labelIsKey}), and the three figures. */
    public record Line(String key, String label, boolean labelIsKey, long visits, long members, long discountFen) {
    }

    private final JdbcClient jdbc;
    private final CardMerchants merchants;
    private final Organisations organisations;
    private final FigureSummary summary;

    Figures(JdbcClient jdbc, CardMerchants merchants, Organisations organisations, FigureSummary summary) {
        this.summary = summary;
        this.jdbc = jdbc;
        this.merchants = merchants;
        this.organisations = organisations;
    }

    /**
     * The figures of a year: a merchant's account reads its own redemptions (a small part of the year's), staff read
     * the sums of {@link FigureSummary} (first folding in what was redeemed since the last fold).
     */
    public List<Line> of(CurrentUser user, int year, By by) {
        if (year < 2000 || year > 2100 || by == null) {
            throw DomainException.invalid("card.merchant.figures.invalid");
        }
        String where;
        Map<String, Object> params = new HashMap<>();
        params.put("from", year * 100 + 1);
        params.put("to", year * 100 + 12);
        TreePath scope = null;
        boolean merchantScope = user != null && user.has(Role.MERCHANT);
        if (merchantScope) {
            where = "r.card_merchant_id = :m";
            params.put("m", merchants.own(user).id());
        } else {
            scope = TreePath.scopeOf(user);
            where = scope.depth() == 1 ? "1 = 1" : "r.member_org_path like :path";
            params.put("path", scope.likePattern());
        }
        String column = switch (by) {
            case MERCHANT -> "r.card_merchant_id";
            case CATEGORY -> "r.category";
            case OUTLET -> "r.outlet_id";
            case ORGANISATION -> "r.member_org_path";
            case MONTH -> "r.ym";
        };
        List<Object[]> raw = merchantScope ? raw(where, column, params) : summed(scope, by, year);
        return switch (by) {
            case MERCHANT -> named(raw, "select id, name from card_merchant");
            case OUTLET -> named(raw, "select o.id, m.name || ' · ' || o.name as name from card_outlet o "
                    + "join card_merchant m on m.id = o.card_merchant_id");
            case CATEGORY -> raw.stream().map(r -> line(r, "card.merchant.category." + r[0], true)).toList();
            case MONTH -> raw.stream().map(r -> line(r, String.valueOf(r[0]).substring(0, 4) + "-"
                    + String.valueOf(r[0]).substring(4), false)).toList();
            case ORGANISATION -> byOrganisation(raw, scope);
        };
    }

    private List<Object[]> raw(String where, String column, Map<String, Object> params) {
        return jdbc.sql("select " + column + " as k, count(*) as visits, count(distinct r.member_id) as members,"
                + " sum(r.discount_fen) as off from card_redemption r where r.ym between :from and :to and " + where
                + " group by " + column + " order by " + column).params(params)
                .query((rs, n) -> new Object[] {rs.getString("k"), rs.getLong("visits"), rs.getLong("members"),
                        rs.getLong("off")}).list();
    }

    /** The staff figures from the sums: one row per key (and per organisation path for ORGANISATION). */
    private List<Object[]> summed(TreePath scope, By by, int year) {
        summary.fold(true);
        String kind = switch (by) {
            case MERCHANT -> "R";
            case CATEGORY -> "C";
            case OUTLET -> "O";
            case ORGANISATION -> "Y";
            case MONTH -> "M";
        };
        // the city and a district read the district-level sums (lower case), except a district's organisations (its
        // townships: the sums per organisation path); deeper scopes read the sums per organisation path
        boolean districtLevel = by == By.ORGANISATION ? scope.depth() == 1 : scope.depth() <= 2;
        if (districtLevel) {
            kind = kind.toLowerCase(java.util.Locale.ROOT);
        }
        String key = by == By.ORGANISATION ? "f.org_path" : "f.k";
        boolean all = scope.depth() == 1;
        var query = jdbc.sql("select " + key + " as k, sum(f.visits) as visits, sum(f.members) as members, "
                + "sum(f.discount_fen) as off from card_figure f where f.yr = :y and f.kind = :kind"
                + (all ? "" : " and f.org_path like :path") + " group by " + key)
                .param("y", year).param("kind", kind);
        if (!all) {
            query = query.param("path", scope.likePattern());
        }
        List<Object[]> rows = new ArrayList<>(query.query((rs, n) -> new Object[] {rs.getString("k"), rs.getLong("visits"),
                rs.getLong("members"), rs.getLong("off")}).list());
        Comparator<Object[]> order = by == By.MERCHANT || by == By.OUTLET
                ? Comparator.comparingLong(r -> Long.parseLong((String) r[0]))
                : Comparator.comparing(r -> (String) r[0]);
        rows.sort(order);
        return rows;
    }

    private List<Line> named(List<Object[]> raw, String names) {
        Map<String, String> byId = new HashMap<>();
        jdbc.sql(names).query((rs, n) -> byId.put(rs.getString("id"), rs.getString("name"))).list();
        return raw.stream().map(r -> line(r, byId.getOrDefault((String) r[0], (String) r[0]), false)).toList();
    }

    /** Folds the members' organisation paths into the organisations one level below the scope. */
    private List<Line> byOrganisation(List<Object[]> raw, TreePath scope) {
        int depth = scope == null ? 1 : scope.depth();
        Map<Long, long[]> sums = new LinkedHashMap<>();
        for (Object[] r : raw) {
            List<Long> ids = new TreePath((String) r[0]).ids();
            long child = ids.size() > depth ? ids.get(depth) : ids.get(ids.size() - 1);
            long[] s = sums.computeIfAbsent(child, k -> new long[3]);
            s[0] += (Long) r[1];
            s[1] += (Long) r[2]; // a member belongs to one organisation: the distinct counts of its paths add up
            s[2] += (Long) r[3];
        }
        Map<Long, OrganisationView> orgs = organisations.findAll(sums.keySet());
        List<Line> lines = new ArrayList<>();
        sums.forEach((id, s) -> lines.add(new Line(String.valueOf(id),
                orgs.containsKey(id) ? orgs.get(id).name() : String.valueOf(id), false, s[0], s[1], s[2])));
        return lines;
    }

    private static Line line(Object[] r, String label, boolean isKey) {
        return new Line((String) r[0], label, isKey, (Long) r[1], (Long) r[2], (Long) r[3]);
    }
}
