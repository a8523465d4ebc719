package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What registration needs to know about a member — their record (type, organisation, card, birth date) and
 * whether they are suspended — kept for five minutes, so a member who opened the activity page before the
 * opening, or retries in the rush, costs no look-ups. Suspensions and member changes made on this instance (a
 * transfer, a status, type or card change) evict at once.
 */
@Component
class MemberDirectory {

    static final long TTL_NANOS = 300_000_000_000L;
    private static final int MAX_ENTRIES = 500_000;

    private final MemberLookup members;
    private final JdbcClient jdbc;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    MemberDirectory(MemberLookup members, JdbcClient jdbc) {
        this.members = members;
        this.jdbc = jdbc;
    }

    /** The member and the end of their current suspension (null when not suspended). */
    Facts require(long memberId) {
        long now = System.nanoTime();
        Cached cached = cache.get(memberId);
        if (cached != null && now - cached.loadedAt < TTL_NANOS) {
            return cached.facts;
        }
        MemberView member = members.view(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        Instant suspendedUntil = jdbc.sql("""
                select max(until_at) from activity_suspension where member_id = :m and until_at > :now""")
                .param("m", memberId).param("now", Timestamp.from(Instant.now())).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        Facts facts = new Facts(member, suspendedUntil);
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(memberId, new Cached(facts, now));
        return facts;
    }

    /** The member's facts if they are in memory and fresh; never looks them up. */
    Optional<Facts> cached(long memberId) {
        Cached cached = cache.get(memberId);
        return cached != null && System.nanoTime() - cached.loadedAt < TTL_NANOS ? Optional.of(cached.facts)
                : Optional.empty();
    }

    Optional<MemberView> find(long memberId) {
        try {
            return Optional.of(require(memberId).member());
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    void forget(long memberId) {
        cache.remove(memberId);
    }

    /** A transfer, a status or type change on this instance counts at once (other instances: within the TTL). */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(org.gonghui.member.MemberChanged event) {
        forget(event.memberId());
    }

    record Facts(MemberView member, Instant suspendedUntil) {
        boolean suspendedAt(Instant now) {
            return suspendedUntil != null && suspendedUntil.isAfter(now);
        }
    }

    private record Cached(Facts facts, long loadedAt) {
    }
}
