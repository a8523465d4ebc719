package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The means test's data: the rule versions (the one valid on a day applies) and the minimum living standard per
 * district and year. An archive's district is the level-2 organisation on its path.
 */
@Component
public class MeansTestData {

    /** A standard as listed in the console: the district's name with it. */
    public record StandardRow(long districtId, String districtName, int year, BigDecimal monthly, String updatedBy) {
    }

    static final BigDecimal MAX_STANDARD = new BigDecimal("100000");

    private final JdbcClient jdbc;
    private final PlatformTime time;

    MeansTestData(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The rules valid on the day. */
    @Transactional(readOnly = true)
    public MeansTest.Rules rulesOn(LocalDate day) {
        return jdbc.sql("""
                select version, relative_factor, accident_cost_share from hardship_rule_version where valid_from <= :d
                order by valid_from desc, version desc limit 1""").param("d", java.sql.Date.valueOf(day))
                .query((rs, n) -> new MeansTest.Rules(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
    }

    /** The district (level 2) an organisation path lies in; none for the city's own roll. */
    public static Optional<Long> districtOf(String orgPath) {
        List<Long> ids = new TreePath(orgPath).ids();
        return ids.size() < 2 ? Optional.empty() : Optional.of(ids.get(1));
    }

    /** The standard for the archive's district and year; refused when none was entered. */
    @Transactional(readOnly = true)
    public MeansTest.Standard standardFor(String orgPath, int year) {
        long district = districtOf(orgPath).orElseThrow(() -> DomainException.conflict("hardship.standard.missing", year));
        return jdbc.sql("select monthly from hardship_standard where district_id = :d and std_year = :y")
                .param("d", district).param("y", year).query(BigDecimal.class).optional()
                .map(monthly -> new MeansTest.Standard(district, year, monthly))
                .orElseThrow(() -> DomainException.conflict("hardship.standard.missing", year));
    }

    /** All standards of a year, keyed by district, for a yearly review. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, MeansTest.Standard> standardsOf(int year) {
        java.util.Map<Long, MeansTest.Standard> all = new java.util.HashMap<>();
        jdbc.sql("select district_id, monthly from hardship_standard where std_year = :y").param("y", year)
                .query((rs, n) -> new MeansTest.Standard(rs.getLong(1), year, rs.getBigDecimal(2))).list()
                .forEach(s -> all.put(s.districtId(), s));
        return all;
    }

    /** Sets (or replaces) a district's standard for a year. */
    @Transactional
    public void setStandard(long districtId, int year, BigDecimal monthly, String by) {
        checkStandard(year, monthly);
        int changed = jdbc.sql("""
                update hardship_standard set monthly = :m, updated_by = :by, updated_at = :at
                where district_id = :d and std_year = :y""")
                .param("m", monthly).param("by", by).param("at", Timestamp.from(time.now())).param("d", districtId)
                .param("y", year).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into hardship_standard (district_id, std_year, monthly, updated_by, updated_at)
                    values (:d, :y, :m, :by, :at)""")
                    .param("m", monthly).param("by", by).param("at", Timestamp.from(time.now())).param("d", districtId)
                    .param("y", year).update();
        }
    }

    static void checkStandard(Integer year, BigDecimal monthly) {
        if (year == null || year < 2000 || year > 2100) {
            throw DomainException.invalid("hardship.standard.year");
        }
        if (monthly == null || monthly.signum() <= 0 || monthly.scale() > 2 || monthly.compareTo(MAX_STANDARD) >= 0) {
            throw DomainException.invalid("hardship.standard.amount");
        }
    }

    /** The standards of the districts in a scope (the scope's own district when it lies below one), newest year first. */
    @Transactional(readOnly = true)
    public List<StandardRow> standards(TreePath scope) {
        return jdbc.sql("""
                select s.district_id, o.name, s.std_year, s.monthly, s.updated_by from hardship_standard s
                join organisation o on o.id = s.district_id
                where o.path like :scope or :path like o.path || '%'
                order by s.std_year desc, o.path""")
                .param("scope", scope.likePattern()).param("path", scope.value())
                .query((rs, n) -> new StandardRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getString(5))).list();
    }
}
