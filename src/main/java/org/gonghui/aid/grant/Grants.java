package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.hardship.HardshipStanding;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying for aid and reading grants. A member in the hardship archive applies on the portal for living or medical
 * aid, or for 金秋助学 for a child (amount by school level, once per child and school year whichever parent applies:
 * {@link ChildIdentity}); staff read the grants of their subtree, the member only their own. The child's name and ID
 * number are stored encrypted and shown masked; staff reveal the ID number one at a time, audit-logged.
 */
@Service
public class Grants {

    private final JdbcClient jdbc;
    private final GrantRecords records;
    private final HardshipArchives archives;
    private final MemberLookup members;
    private final PersonalDataCipher cipher;
    private final AidSettings settings;
    private final AuditLog audit;
    private final PlatformTime time;

    Grants(JdbcClient jdbc, GrantRecords records, HardshipArchives archives, MemberLookup members,
            PersonalDataCipher cipher, AidSettings settings, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.records = records;
        this.archives = archives;
        this.members = members;
        this.cipher = cipher;
        this.settings = settings;
        this.audit = audit;
        this.time = time;
    }

    /** The member applies for living or medical aid: in the archive with an eligible tier, one open application a kind. */
    @Transactional
    public GrantView applyForHardshipAid(long memberId, AidKind kind, BigDecimal amount, String reason) {
        if (kind != AidKind.LIVING && kind != AidKind.MEDICAL) {
            throw DomainException.invalid("aid.apply.kind");
        }
        long fen = Amounts.fen(amount);
        if (fen > settings.maxGrantFen()) {
            throw DomainException.invalid("aid.amount.above-max", settings.maxGrant());
        }
        String why = text(reason, 1000, "aid.apply.reason-required");
        MemberView member = member(memberId);
        HardshipStanding standing = eligibleStanding(memberId, kind);
        long open = jdbc.sql("select count(*) from aid_grant where member_id = :m and kind = :k and status in (:open)")
                .param("m", memberId).param("k", kind.name()).param("open", names(GrantStatus.OPEN)).query(Long.class).single();
        if (open > 0) {
            throw DomainException.conflict("aid.apply.open-exists");
        }
        long id = insert(new NewGrant(kind, time.today().getYear(), memberId, member.orgPath(), null, GrantForm.MONEY, fen,
                null, why, standing.tier().name(), "member:" + memberId));
        records.event(id, "member:" + memberId, "applied", kind + " " + Amounts.yuan(fen));
        audit.record("aid.grant.apply", "aid_grant", id, kind.name());
        return records.find(id).orElseThrow();
    }

    /**
     * The member applies for 金秋助学 for a child in the school year about to start: the amount is the level's, the
     * child's ID number and name are kept encrypted, and a second application for the same child and school year (by
     * either parent) is refused.
     */
    @Transactional
    public GrantView applyForSchoolAid(long memberId, String childName, String childIdNumber, SchoolLevel level,
            String schoolName) {
        if (level == null) {
            throw DomainException.invalid("aid.school.level-required");
        }
        String name = text(childName, 30, "aid.school.child-name-required");
        String school = text(schoolName, 100, "aid.school.school-required");
        IdNumber child = new IdNumber(childIdNumber == null ? "" : childIdNumber.strip());
        LocalDate today = time.today();
        int age = Period.between(child.birthDate(), today).getYears();
        if (age < 5 || age > 30) {
            throw DomainException.invalid("aid.school.child-age", age);
        }
        MemberView member = member(memberId);
        MemberLookup.Found self = members.byIdNumbers(List.of(child.value())).get(child.value());
        if (self != null && self.memberId() == memberId) {
            throw DomainException.invalid("aid.school.child-is-member");
        }
        HardshipStanding standing = eligibleStanding(memberId, AidKind.SCHOOL);
        SchoolYear year = SchoolYear.applyingOn(today);
        long fen = Amounts.fen(settings.schoolAmount(level));
        String key = ChildIdentity.key(child.value(), year, cipher::hash);
        long id;
        try {
            id = insert(new NewGrant(AidKind.SCHOOL, year.startYear(), memberId, member.orgPath(), null, GrantForm.MONEY,
                    fen, null, null, standing.tier().name(), "member:" + memberId));
            jdbc.sql("""
                    update aid_grant set child_name_enc = :ne, child_name_masked = :nm, child_id_enc = :ie,
                      child_id_masked = :im, child_key = :key, school_level = :level, school_name = :school,
                      school_year = :y where id = :id""")
                    .param("ne", cipher.encrypt(name)).param("nm", Masking.name(name))
                    .param("ie", cipher.encrypt(child.value())).param("im", Masking.idNumber(child.value()))
                    .param("key", key).param("level", level.name()).param("school", school)
                    .param("y", year.startYear()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("aid.school.child-already", year.label());
        }
        records.event(id, "member:" + memberId, "applied", "SCHOOL " + level + " " + year.label());
        audit.record("aid.grant.apply", "aid_grant", id, "SCHOOL " + year.label());
        return records.find(id).orElseThrow();
    }

    /** The member's own grants, newest first. */
    @Transactional(readOnly = true)
    public List<GrantView> own(long memberId) {
        return jdbc.sql(GrantRecords.SELECT + " where g.member_id = :m order by g.id desc").param("m", memberId)
                .query(GrantRecords::view).list();
    }

    /** One of the member's own grants; another member's is not found. */
    @Transactional(readOnly = true)
    public GrantView ownGrant(long memberId, long id) {
        return records.find(id).filter(g -> g.memberId() == memberId)
                .orElseThrow(() -> DomainException.notFound("aid.grant.not-found"));
    }

    /** A grant in the staff user's subtree; anything else is not found. */
    @Transactional(readOnly = true)
    public GrantView inScope(CurrentUser user, long id) {
        TreePath scope = TreePath.scopeOf(user);
        return records.find(id).filter(g -> scope.contains(g.orgPath()))
                .orElseThrow(() -> DomainException.notFound("aid.grant.not-found"));
    }

    @Transactional(readOnly = true)
    public List<GrantEvent> timeline(long grantId) {
        return records.events(grantId);
    }

    /** The grants of the subtree, newest first, optionally of one status and kind. */
    @Transactional(readOnly = true)
    public PageResult<GrantView> search(CurrentUser user, GrantStatus status, AidKind kind, int page, int size) {
        TreePath scope = TreePath.scopeOf(user);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<GrantView> rows = jdbc.sql(GrantRecords.SELECT + " where g.org_path like :scope"
                        + (status == null ? "" : " and g.status = :status") + (kind == null ? "" : " and g.kind = :kind")
                        + " order by g.id desc limit :l offset :o")
                .param("scope", scope.likePattern()).param("status", status == null ? "" : status.name())
                .param("kind", kind == null ? "" : kind.name()).param("l", pageSize + 1)
                .param("o", (long) pageNumber * pageSize).query(GrantRecords::view).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }

    /**
     * The grants of the subtree as Excel (newest first, optionally of one status and kind): names and masked values
     * only, never a child's ID number in clear; audit-logged with the number of rows.
     */
    @Transactional
    public void export(CurrentUser user, GrantStatus status, AidKind kind, java.io.OutputStream out,
            java.util.function.Function<String, String> messages) {
        TreePath scope = TreePath.scopeOf(user);
        List<GrantView> rows = jdbc.sql(GrantRecords.SELECT + " where g.org_path like :scope"
                        + (status == null ? "" : " and g.status = :status") + (kind == null ? "" : " and g.kind = :kind")
                        + " order by g.id desc limit 50000")
                .param("scope", scope.likePattern()).param("status", status == null ? "" : status.name())
                .param("kind", kind == null ? "" : kind.name()).query(GrantRecords::view).list();
        java.util.Map<Long, MemberLookup.Listed> listed = members.byIds(rows.stream().map(GrantView::memberId).toList());
        List<List<?>> lines = new java.util.ArrayList<>();
        for (GrantView g : rows) {
            MemberLookup.Listed member = listed.get(g.memberId());
            lines.add(List.of(g.id(), g.memberName(), member == null ? "" : member.orgName(),
                    messages.apply("aid.kind." + g.kind()), g.tier() == null ? "" : messages.apply("aid.tier." + g.tier()),
                    g.amount().toPlainString(), messages.apply("aid.status." + g.status()),
                    g.paymentStatus() == null ? "" : messages.apply("aid.payment." + g.paymentStatus()),
                    g.batchNo() == null ? "" : g.batchNo(), time.date(g.appliedAt()),
                    g.approvedAt() == null ? "" : time.date(g.approvedAt()),
                    g.childNameMasked() == null ? "" : g.childNameMasked(), g.childIdMasked() == null ? "" : g.childIdMasked(),
                    g.schoolYearLabel()));
        }
        audit.record("aid.grant.export", "aid_grant", null, lines.size() + " grants");
        org.gonghui.shared.excel.Spreadsheets.write(out, "grants", List.of("#", messages.apply("aid.col.name"),
                messages.apply("aid.col.organisation"), messages.apply("aid.col.kind"), messages.apply("aid.col.tier"),
                messages.apply("aid.col.amount"), messages.apply("aid.col.status"), messages.apply("aid.col.payment"),
                messages.apply("aid.batch"), messages.apply("aid.col.applied"), messages.apply("aid.col.approved"),
                messages.apply("aid.school.child-name"), messages.apply("aid.school.child-id"),
                messages.apply("aid.col.school-year")), lines);
    }

    /** The child's ID number in clear for staff in scope; every reveal is audit-logged. */
    @Transactional
    public String revealChildId(CurrentUser user, long id) {
        GrantView grant = inScope(user, id);
        String sealed = jdbc.sql("select child_id_enc from aid_grant where id = :id").param("id", grant.id())
                .query(String.class).optional().orElse(null);
        if (sealed == null) {
            throw DomainException.notFound("aid.grant.no-child");
        }
        audit.record("aid.grant.reveal-child-id", "aid_grant", id, null);
        return cipher.decrypt(sealed);
    }

    /** The member's standing if it allows this kind of aid; refused otherwise. */
    HardshipStanding eligibleStanding(long memberId, AidKind kind) {
        Optional<HardshipStanding> standing = archives.current(memberId);
        if (standing.isEmpty()) {
            throw DomainException.conflict("aid.eligibility.not-in-archive");
        }
        if (!settings.eligible(kind, standing.get().tier().name())) {
            throw DomainException.conflict("aid.eligibility.tier", standing.get().tier().name());
        }
        return standing.get();
    }

    record NewGrant(AidKind kind, int year, long memberId, String orgPath, Long listId, GrantForm form, long fen,
            String goods, String reason, String tier, String by) {
    }

    long insert(NewGrant grant) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_grant (kind, grant_year, member_id, org_path, list_id, form, amount_fen, goods, reason,
                  tier, status, applied_by, applied_at)
                values (:kind, :y, :m, :path, :list, :form, :fen, :goods, :reason, :tier, :status, :by, :at)""")
                .param("kind", grant.kind().name()).param("y", grant.year()).param("m", grant.memberId())
                .param("path", grant.orgPath()).param("list", grant.listId()).param("form", grant.form().name())
                .param("fen", grant.fen()).param("goods", grant.goods()).param("reason", grant.reason())
                .param("tier", grant.tier()).param("status", GrantStatus.APPLIED.name()).param("by", grant.by())
                .param("at", Timestamp.from(time.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    private MemberView member(long memberId) {
        return members.view(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
    }

    static List<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    static String text(String value, int max, String requiredCode) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw DomainException.invalid(requiredCode);
        }
        if (stripped.length() > max) {
            throw DomainException.invalid("aid.text.too-long", max);
        }
        return stripped;
    }
}
