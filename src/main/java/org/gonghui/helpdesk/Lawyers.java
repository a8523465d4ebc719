package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.util.List;
import org.gonghui.member.PhoneNumber;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster of volunteer union lawyers (公益律师库) for legal aid. Each lawyer belongs to an organisation's roster;
 * staff see and refer to the lawyers of their own organisation, of the levels above it and of their subtree.
 * A lawyer's phone is kept encrypted and shown masked.
 */
@Service
public class Lawyers {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final PlatformTime time;

    Lawyers(JdbcClient jdbc, Organisations organisations, PersonalDataCipher cipher, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.cipher = cipher;
        this.audit = audit;
        this.time = time;
    }

    /** Adds a lawyer to the roster of an organisation in the staff user's subtree. */
    @Transactional
    public LawyerView add(CurrentUser staff, NewLawyer form) {
        requireStaff(staff);
        if (form.orgId() == null || blank(form.name()) || blank(form.firm()) || blank(form.specialities())) {
            throw DomainException.invalid("helpdesk.lawyer.incomplete");
        }
        OrganisationView org = organisations.requireInScope(form.orgId(), TreePath.scopeOf(staff));
        PhoneNumber phone = blank(form.phone()) ? null : new PhoneNumber(form.phone());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into helpdesk_lawyer (name, firm, specialities, phone_enc, phone_masked, org_id, org_path, active,
                  created_at)
                values (:n, :f, :s, :pe, :pm, :o, :op, true, :at)""")
                .param("n", form.name().trim()).param("f", form.firm().trim()).param("s", form.specialities().trim())
                .param("pe", phone == null ? null : cipher.encrypt(phone.value()))
                .param("pm", phone == null ? null : phone.masked()).param("o", org.id()).param("op", org.path())
                .param("at", Timestamp.from(time.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("helpdesk.lawyer.add", "helpdesk_lawyer", id, null);
        return find(staff, id);
    }

    /** Takes a lawyer off the roster or back on; only for staff whose subtree holds the lawyer's organisation. */
    @Transactional
    public LawyerView setActive(CurrentUser staff, long id, boolean active) {
        requireStaff(staff);
        int changed = jdbc.sql("update helpdesk_lawyer set active = :a, version = version + 1 where id = :id and org_path like :scope")
                .param("a", active).param("id", id).param("scope", TreePath.scopeOf(staff).likePattern()).update();
        if (changed == 0) {
            throw DomainException.notFound("helpdesk.lawyer.not-found");
        }
        audit.record("helpdesk.lawyer." + (active ? "activate" : "deactivate"), "helpdesk_lawyer", id, null);
        return find(staff, id);
    }

    /** The lawyers a staff user may refer to: of their organisation, the levels above it and their subtree. */
    @Transactional(readOnly = true)
    public List<LawyerView> available(CurrentUser staff, boolean activeOnly) {
        TreePath scope = TreePath.scopeOf(staff);
        return jdbc.sql(SELECT + " where (l.org_path like :scope or :path like (l.org_path || '%'))"
                        + (activeOnly ? " and l.active = true" : "") + " order by l.active desc, l.org_path, l.name, l.id")
                .param("scope", scope.likePattern()).param("path", scope.value())
                .query((rs, n) -> view(rs)).list();
    }

    /** A lawyer the staff user may refer to; else "not found". */
    @Transactional(readOnly = true)
    public LawyerView find(CurrentUser staff, long id) {
        return available(staff, false).stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("helpdesk.lawyer.not-found"));
    }

    private static final String SELECT = """
            select l.*, o.name as org_name from helpdesk_lawyer l join organisation o on o.id = l.org_id""";

    private static LawyerView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LawyerView(rs.getLong("id"), rs.getString("name"), rs.getString("firm"), rs.getString("specialities"),
                rs.getString("phone_masked"), rs.getLong("org_id"), rs.getString("org_name"), rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private static void requireStaff(CurrentUser user) {
        if (user == null || !user.isStaff() || !(user.has(Role.STAFF) || user.has(Role.ADMIN))) {
            throw DomainException.forbidden("error.forbidden");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
