package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What registration needs to know about a member — their record (type, organisation, card, birth date) and
 * whether they are suspended — kept for five minutes, so a member who opened the activity page before the
 * opening, or retries in the rush, costs no look-ups. Suspensions and member changes (a transfer, a status, type or
 * card change) evict at once, those made on another instance as soon as its event arrives.
 */
@Component
class MemberDirectory {

    static final long TTL_NANOS = 300_000_000_000L;
    private static final int MAX_ENTRIES = 500_000;

    private final MemberLookup members;
    private final JdbcClient jdbc;
    private final LongSupplier nanoTime;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    MemberDirectory(MemberLookup members, JdbcClient jdbc) {
        this(members, jdbc, System::nanoTime);
    }

    MemberDirectory(MemberLookup members, JdbcClient jdbc, LongSupplier nanoTime) {
        this.members = members;
        this.jdbc = jdbc;
        this.nanoTime = nanoTime;
    }

    /** The member and the end of their current suspension (null when not suspended), at most five minutes old. */
    Facts require(long memberId) {
        long now = nanoTime.getAsLong();
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

    /**
     * The member's facts if they are in memory, however old; never looks them up. Only for choosing between two
     * refusals (full, or not for them) where nothing can be admitted: there stale facts cost nothing, while
     * looking them up again would send a whole rush, whose facts were all loaded when the page opened and so
     * run out together, the slow way with two queries each. Anything that admits uses {@link #require}.
     */
    Optional<Facts> known(long memberId) {
        Cached cached = cache.get(memberId);
        return cached == null ? Optional.empty() : Optional.of(cached.facts);
    }

    /**
     * The member's facts for choosing between two refusals (full, or not for them): those in memory however old
     * ({@link #known}), else looked up once, as the normal way would — with several instances a member's facts are
     * in the memory of the instance that served their page, and the next request may land on another one. Empty
     * when the member is unknown or the lookup fails: the normal way answers then.
     */
    Optional<Facts> forRefusal(long memberId) {
        Optional<Facts> known = known(memberId);
        if (known.isPresent()) {
            return known;
        }
        try {
            return Optional.of(require(memberId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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

    /** A transfer, a status or type change on this instance counts at once. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(org.gonghui.member.MemberChanged event) {
        forget(event.memberId());
    }

    /** ... and on another instance (profile cluster) as soon as RabbitMQ brings it, within a second. */
    @org.springframework.context.event.EventListener
    void on(org.gonghui.shared.events.Remote<org.gonghui.member.MemberChanged> changed) {
        forget(changed.event().memberId());
    }

    /** A suspension made on another instance (profile cluster). */
    @org.springframework.context.event.EventListener
    void onSuspended(org.gonghui.shared.events.Remote<MemberSuspended> suspended) {
        forget(suspended.event().memberId());
    }

    /**
     * An organisation moved: the paths of its members' organisations changed. Rare — everything is dropped, here
     * after the commit and on every other instance when the event arrives.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(org.gonghui.organisation.OrganisationMoved moved) {
        cache.clear();
    }

    @org.springframework.context.event.EventListener
    void onMoved(org.gonghui.shared.events.Remote<org.gonghui.organisation.OrganisationMoved> moved) {
        cache.clear();
    }

    record Facts(MemberView member, Instant suspendedUntil) {
        boolean suspendedAt(Instant now) {
            return suspendedUntil != null && suspendedUntil.isAfter(now);
        }
    }

    private record Cached(Facts facts, long loadedAt) {
    }
}
