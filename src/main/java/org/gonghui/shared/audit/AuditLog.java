package org.gonghui.shared.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log. Every look at personal data and every change made by staff is recorded with
 * the actor, the record, the time and the client address. Nothing here updates or deletes a line (and on
 * PostgreSQL a trigger refuses it).
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    AuditLog(JdbcClient jdbc, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
    }

    /** Records an action by the current user (or "anonymous"/"system" when there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String recordType, Object recordId, String detail) {
        var user = CurrentUser.current();
        record(user.map(CurrentUser::getUsername).orElse(actorWithoutUser()), user.map(CurrentUser::orgId).orElse(null),
                action, recordType, recordId, detail);
    }

    /** Records an action by a named actor, e.g. a failed sign-in for a user name. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, Long actorOrgId, String action, String recordType, Object recordId, String detail) {
        jdbc.sql("""
                insert into audit_log (at, actor, actor_org_id, action, record_type, record_id, detail, ip)
                values (:at, :actor, :org, :action, :type, :id, :detail, :ip)""")
                .param("at", Timestamp.from(Instant.now()))
                .param("actor", truncate(actor, 100))
                .param("org", actorOrgId)
                .param("action", action)
                .param("type", recordType)
                .param("id", recordId == null ? null : truncate(recordId.toString(), 100))
                .param("detail", truncate(detail, 1000))
                .param("ip", clientAddress())
                .update();
    }

    /** A page of the log, newest first, filtered by actor, action and record (each optional). */
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(AuditQuery query, int page, int size) {
        StringBuilder sql = new StringBuilder("select * from audit_log where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (has(query.actor())) {
            sql.append(" and actor = ?");
            args.add(query.actor().trim());
        }
        if (has(query.action())) {
            sql.append(" and action = ?");
            args.add(query.action().trim());
        }
        if (has(query.recordType())) {
            sql.append(" and record_type = ?");
            args.add(query.recordType().trim());
        }
        if (has(query.recordId())) {
            sql.append(" and record_id = ?");
            args.add(query.recordId().trim());
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(time.startOf(query.from())));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(time.startOf(query.to().plusDays(1))));
        }
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        sql.append(" order by id desc limit ").append(safeSize + 1).append(" offset ").append((long) safePage * safeSize);
        var statement = jdbc.sql(sql.toString());
        for (Object arg : args) {
            statement = statement.param(arg);
        }
        List<AuditEntry> rows = statement.query((rs, n) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), (Long) rs.getObject("actor_org_id", Long.class),
                rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"), rs.getString("detail"),
                rs.getString("ip"))).list();
        return PageResult.of(rows, safePage, safeSize);
    }

    /** Filter for {@link #search}. */
    public record AuditQuery(String actor, String action, String recordType, String recordId, LocalDate from,
            LocalDate to) {
        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null, null, null);
        }
    }

    private static boolean has(String value) {
        return value != null && !value.isBlank();
    }

    private static String actorWithoutUser() {
        return currentRequest() == null ? "system" : "anonymous";
    }

    private static String clientAddress() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : truncate(request.getRemoteAddr(), 64);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
