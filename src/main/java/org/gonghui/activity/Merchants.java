package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.gonghui.account.AccountView;
import org.gonghui.account.Accounts;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A minimal merchant (特约商户) record for redeeming vouchers: a name, its outlets and one sign-in account with
 * the MERCHANT role. The full merchant and card capability comes later.
 */
@Service
public class Merchants {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;

    Merchants(JdbcClient jdbc, Accounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A merchant as listed. */
    public record MerchantView(long id, String name, String outlets) {
    }

    /** Creates a merchant and its account (at the creating staff user's organisation). */
    @Transactional
    public MerchantView create(CurrentUser staff, String name, String outlets, String username, String password) {
        Activities.scopeOf(staff);
        if (name == null || name.isBlank() || name.length() > 100 || outlets != null && outlets.length() > 1000) {
            throw DomainException.invalid("merchant.name.invalid");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into merchant (name, outlets, created_at) values (:n, :o, :at)")
                .param("n", name.trim()).param("o", outlets == null ? null : outlets.trim())
                .param("at", Timestamp.from(Instant.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        AccountView account = accounts.createStaff(staff, username, name.trim().substring(0, Math.min(60, name.trim().length())),
                password, staff.orgId(), EnumSet.of(Role.MERCHANT));
        jdbc.sql("insert into merchant_account (account_id, merchant_id) values (:a, :m)")
                .param("a", account.id()).param("m", id).update();
        audit.record("merchant.create", "merchant", id, name);
        return new MerchantView(id, name.trim(), outlets);
    }

    /**
     * A merchant record without an account yet (the card module's merchant network creates one when it approves a
     * merchant; accounts follow with {@link #addAccount}).
     */
    @Transactional
    public MerchantView createRecord(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("merchant.name.invalid");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into merchant (name, outlets, created_at) values (:n, null, :at)")
                .param("n", name.trim()).param("at", Timestamp.from(Instant.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("merchant.create", "merchant", id, name);
        return new MerchantView(id, name.trim(), null);
    }

    /** Another sign-in account (role MERCHANT) acting for an existing merchant, at the staff user's organisation. */
    @Transactional
    public long addAccount(CurrentUser staff, long merchantId, String username, String displayName, String password) {
        MerchantView merchant = find(merchantId).orElseThrow(() -> DomainException.notFound("merchant.not-found"));
        String label = displayName == null || displayName.isBlank() ? merchant.name() : displayName.trim();
        AccountView account = accounts.createStaff(staff, username, label.substring(0, Math.min(60, label.length())),
                password, staff.orgId(), EnumSet.of(Role.MERCHANT));
        jdbc.sql("insert into merchant_account (account_id, merchant_id) values (:a, :m)")
                .param("a", account.id()).param("m", merchantId).update();
        audit.record("merchant.account", "merchant", merchantId, username);
        return account.id();
    }

    public List<MerchantView> all() {
        return jdbc.sql("select * from merchant order by id")
                .query((rs, n) -> new MerchantView(rs.getLong("id"), rs.getString("name"), rs.getString("outlets"))).list();
    }

    public Optional<MerchantView> find(long id) {
        return jdbc.sql("select * from merchant where id = :id").param("id", id)
                .query((rs, n) -> new MerchantView(rs.getLong("id"), rs.getString("name"), rs.getString("outlets")))
                .optional();
    }

    /** The merchant the signed-in account acts for. */
    public MerchantView of(CurrentUser user) {
        if (user == null || !user.has(Role.MERCHANT)) {
            throw DomainException.forbidden("error.forbidden");
        }
        return jdbc.sql("select m.* from merchant m join merchant_account a on a.merchant_id = m.id where a.account_id = :a")
                .param("a", user.accountId())
                .query((rs, n) -> new MerchantView(rs.getLong("id"), rs.getString("name"), rs.getString("outlets")))
                .optional().orElseThrow(() -> DomainException.forbidden("merchant.no-merchant"));
    }
}
