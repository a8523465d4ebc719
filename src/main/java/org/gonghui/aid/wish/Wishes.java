package org.gonghui.aid.wish;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.gonghui.aid.grant.AidSettings;
import org.gonghui.aid.grant.Amounts;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Micro-wishes (微心愿): a member in the hardship archive posts a small wish (a school bag, a winter coat) worth up to
 * {@link AidSettings#wishMax()}; donors — members, and units through their staff accounts — see open wishes without the
 * member's name and claim one; the member confirms when it has arrived.
 *
 * <p>Exactness: a claim is the single statement {@code update … set status = 'CLAIMED', donor … where id = ? and
 * status = 'OPEN'}. The row lock orders claims that arrive together; the first to commit changes the row and every
 * other one then finds it no longer open and changes nothing (one row or none, never two). The answer is given after
 * the commit, so the winner is told only what is stored.
 */
@Service
public class Wishes {

    private final JdbcClient jdbc;
    private final HardshipArchives archives;
    private final MemberLookup members;
    private final AidSettings settings;
    private final AuditLog audit;
    private final PlatformTime time;

    Wishes(JdbcClient jdbc, HardshipArchives archives, MemberLookup members, AidSettings settings, AuditLog audit,
            PlatformTime time) {
        this.jdbc = jdbc;
        this.archives = archives;
        this.members = members;
        this.settings = settings;
        this.audit = audit;
        this.time = time;
    }

    /** A member in the archive posts a wish; at most three open or claimed at a time. */
    @Transactional
    public WishView post(long memberId, String title, String story, BigDecimal amount) {
        String what = text(title, 60, "aid.wish.title-required");
        String why = text(story, 500, "aid.wish.story-required");
        long fen = Amounts.fen(amount);
        if (fen > settings.wishMaxFen()) {
            throw DomainException.invalid("aid.wish.above-max", settings.wishMax());
        }
        if (archives.current(memberId).isEmpty()) {
            throw DomainException.conflict("aid.eligibility.not-in-archive");
        }
        long open = jdbc.sql("select count(*) from aid_wish where member_id = :m and status in ('OPEN', 'CLAIMED')")
                .param("m", memberId).query(Long.class).single();
        if (open >= 3) {
            throw DomainException.conflict("aid.wish.too-many");
        }
        MemberView member = members.view(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_wish (member_id, org_id, org_path, title, story, amount_fen, status, posted_at)
                values (:m, :org, :path, :title, :story, :fen, 'OPEN', :at)""")
                .param("m", memberId).param("org", member.orgId()).param("path", member.orgPath()).param("title", what)
                .param("story", why).param("fen", fen).param("at", Timestamp.from(time.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("aid.wish.post", "aid_wish", id, null);
        return find(id);
    }

    /** The open wishes donors may claim, newest first, without the members' names. */
    @Transactional(readOnly = true)
    public PageResult<WishView> open(int page, int size) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<WishView> rows = jdbc.sql(SELECT + " where w.status = 'OPEN' order by w.id desc limit :l offset :o")
                .param("l", pageSize + 1).param("o", (long) pageNumber * pageSize).query(Wishes::view).list();
        return PageResult.of(rows.stream().map(WishView::forDonors).toList(), pageNumber, pageSize);
    }

    /** One wish as a donor sees it. */
    @Transactional(readOnly = true)
    public WishView forDonor(long id) {
        return find(id).forDonors();
    }

    /** A member claims a wish (not their own); exactly one claim of many at once succeeds. */
    @Transactional
    public WishView claimAsMember(long donorMemberId, long id) {
        WishView wish = find(id);
        if (wish.memberId() == donorMemberId) {
            throw DomainException.conflict("aid.wish.own");
        }
        MemberView donor = members.view(donorMemberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        claim(id, DonorKind.MEMBER, donorMemberId, null, org.gonghui.shared.crypto.Masking.name(donor.name()),
                "member:" + donorMemberId);
        return find(id).forDonors();
    }

    /** A unit claims a wish through a staff account, under the unit's (the organisation's) name. */
    @Transactional
    public WishView claimAsUnit(CurrentUser staff, long id, String unitName) {
        TreePath.scopeOf(staff);
        String name = text(unitName, 100, "aid.wish.unit-required");
        claim(id, DonorKind.UNIT, null, staff.orgId(), name, staff.getUsername());
        return find(id).forDonors();
    }

    private void claim(long id, DonorKind kind, Long memberId, Long orgId, String name, String account) {
        int changed = jdbc.sql("""
                update aid_wish set status = 'CLAIMED', donor_kind = :kind, donor_member_id = :m, donor_org_id = :org,
                  donor_name = :name, donor_account = :account, claimed_at = :at, version = version + 1
                where id = :id and status = 'OPEN'""")
                .param("kind", kind.name()).param("m", memberId).param("org", orgId).param("name", name)
                .param("account", account).param("at", Timestamp.from(time.now())).param("id", id).update();
        if (changed == 0) {
            find(id);
            throw DomainException.conflict("aid.wish.taken");
        }
        audit.record("aid.wish.claim", "aid_wish", id, kind + " " + name);
    }

    /** The member confirms their claimed wish arrived, with an optional word of thanks. */
    @Transactional
    public WishView confirm(long memberId, long id, String thanks) {
        String words = thanks == null || thanks.isBlank() ? null : text(thanks, 200, "aid.wish.thanks");
        own(memberId, id);
        int changed = jdbc.sql("""
                update aid_wish set status = 'FULFILLED', fulfilled_at = :at, thanks = :thanks, version = version + 1
                where id = :id and member_id = :m and status = 'CLAIMED'""")
                .param("at", Timestamp.from(time.now())).param("thanks", words).param("id", id).param("m", memberId)
                .update();
        if (changed == 0) {
            throw DomainException.conflict("aid.wish.not-claimed");
        }
        audit.record("aid.wish.fulfilled", "aid_wish", id, null);
        return find(id);
    }

    /** The member withdraws a wish nobody has claimed yet. */
    @Transactional
    public WishView withdraw(long memberId, long id) {
        own(memberId, id);
        int changed = jdbc.sql("update aid_wish set status = 'WITHDRAWN', version = version + 1 where id = :id and status = 'OPEN'")
                .param("id", id).update();
        if (changed == 0) {
            throw DomainException.conflict("aid.wish.not-open");
        }
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<WishView> own(long memberId) {
        return jdbc.sql(SELECT + " where w.member_id = :m order by w.id desc").param("m", memberId).query(Wishes::view).list();
    }

    @Transactional(readOnly = true)
    public WishView own(long memberId, long id) {
        WishView wish = find(id);
        if (wish.memberId() != memberId) {
            throw DomainException.notFound("aid.wish.not-found");
        }
        return wish;
    }

    /** The wishes a member donor has claimed. */
    @Transactional(readOnly = true)
    public List<WishView> claimedBy(long donorMemberId) {
        return jdbc.sql(SELECT + " where w.donor_member_id = :m order by w.id desc").param("m", donorMemberId)
                .query(Wishes::view).list().stream().map(WishView::forDonors).toList();
    }

    /** The wishes posted in the staff user's subtree (staff arrange the hand-over), with the members' names. */
    @Transactional(readOnly = true)
    public PageResult<WishView> inScope(CurrentUser staff, WishStatus status, int page, int size) {
        TreePath scope = TreePath.scopeOf(staff);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<WishView> rows = jdbc.sql(SELECT + " where w.org_path like :scope" + (status == null ? "" : " and w.status = :s")
                        + " order by w.id desc limit :l offset :o")
                .param("scope", scope.likePattern()).param("s", status == null ? "" : status.name())
                .param("l", pageSize + 1).param("o", (long) pageNumber * pageSize).query(Wishes::view).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }

    private WishView find(long id) {
        return jdbc.sql(SELECT + " where w.id = :id").param("id", id).query(Wishes::view).optional()
                .orElseThrow(() -> DomainException.notFound("aid.wish.not-found"));
    }

    private static String text(String value, int max, String requiredCode) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw DomainException.invalid(requiredCode);
        }
        if (stripped.length() > max) {
            throw DomainException.invalid("aid.text.too-long", max);
        }
        return stripped;
    }

    private static final String SELECT = """
            select w.*, m.name as member_name, o.name as org_name from aid_wish w
            join member m on m.id = w.member_id join organisation o on o.id = w.org_id""";

    private static WishView view(ResultSet rs, int n) throws SQLException {
        String donor = rs.getString("donor_kind");
        Timestamp claimed = rs.getTimestamp("claimed_at");
        Timestamp fulfilled = rs.getTimestamp("fulfilled_at");
        return new WishView(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getString("org_name"), rs.getString("org_path"), rs.getString("title"), rs.getString("story"),
                Amounts.yuan(rs.getLong("amount_fen")), WishStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("posted_at").toInstant(), donor == null ? null : DonorKind.valueOf(donor),
                rs.getString("donor_name"), claimed == null ? null : claimed.toInstant(),
                fulfilled == null ? null : fulfilled.toInstant(), rs.getString("thanks"));
    }
}
