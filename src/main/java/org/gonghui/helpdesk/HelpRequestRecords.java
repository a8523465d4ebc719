package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.files.DocumentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows around a request: its history (texts sealed), and the organisation it last came from. */
@Component
class HelpRequestRecords {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Organisations organisations;

    HelpRequestRecords(JdbcClient jdbc, PersonalDataCipher cipher, Organisations organisations) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.organisations = organisations;
    }

    /** One line of history. */
    record Event(EventKind kind, String actor, Long actorOrgId, Long fromOrgId, Long toOrgId, String reason, String text,
            boolean visibleToMember) {

        static Event by(EventKind kind, String actor, Long actorOrgId, boolean visibleToMember) {
            return new Event(kind, actor, actorOrgId, null, null, null, null, visibleToMember);
        }

        Event move(Long from, Long to) {
            return new Event(kind, actor, actorOrgId, from, to, reason, text, visibleToMember);
        }

        Event because(String why) {
            return new Event(kind, actor, actorOrgId, fromOrgId, toOrgId, why, text, visibleToMember);
        }

        Event saying(String words) {
            return new Event(kind, actor, actorOrgId, fromOrgId, toOrgId, reason, words, visibleToMember);
        }
    }

    void event(long requestId, Instant at, Event event) {
        jdbc.sql("""
                insert into help_request_event (request_id, at, actor, actor_org_id, kind, from_org_id, to_org_id, reason,
                  text_enc, visible_to_member)
                values (:r, :at, :actor, :org, :kind, :from, :to, :reason, :text, :visible)""")
                .param("r", requestId).param("at", Timestamp.from(at)).param("actor", truncate(event.actor(), 100))
                .param("org", event.actorOrgId()).param("kind", event.kind().name()).param("from", event.fromOrgId())
                .param("to", event.toOrgId()).param("reason", truncate(event.reason(), 500))
                .param("text", event.text() == null ? null : cipher.encrypt(event.text()))
                .param("visible", event.visibleToMember()).update();
    }

    /** The history, oldest first; for a member only the lines meant for them, without staff names. */
    List<HelpRequestEventView> history(long requestId, boolean forMember) {
        List<Row> rows = jdbc.sql("select * from help_request_event where request_id = :r"
                        + (forMember ? " and visible_to_member = true" : "") + " order by id")
                .param("r", requestId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        (Long) rs.getObject("actor_org_id", Long.class), EventKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("from_org_id", Long.class), (Long) rs.getObject("to_org_id", Long.class),
                        rs.getString("reason"), rs.getString("text_enc"), rs.getBoolean("visible_to_member")))
                .list();
        Set<Long> ids = new HashSet<>();
        for (Row row : rows) {
            addIfPresent(ids, row.actorOrgId());
            addIfPresent(ids, row.fromOrgId());
            addIfPresent(ids, row.toOrgId());
        }
        Map<Long, OrganisationView> names = organisations.findAll(ids);
        return rows.stream().map(row -> new HelpRequestEventView(row.id(), row.at(), forMember ? null : row.actor(),
                row.actorOrgId(), name(names, row.actorOrgId()), row.kind(), row.fromOrgId(), name(names, row.fromOrgId()),
                row.toOrgId(), name(names, row.toOrgId()), row.reason(), cipher.decrypt(row.textEnc()),
                row.visibleToMember())).toList();
    }

    /** The organisation the request last came from by dispatch or transfer (where a send-back returns it). */
    Optional<Long> cameFrom(long requestId, long handlingOrgId) {
        return jdbc.sql("""
                select from_org_id from help_request_event where request_id = :r and to_org_id = :h
                  and kind in ('DISPATCHED', 'TRANSFERRED') order by id desc limit 1""")
                .param("r", requestId).param("h", handlingOrgId).query(Long.class).optional();
    }

    /** A period in which the request waited for the member ({@code to} null: still waiting). */
    record PausePeriod(Instant from, Instant to) {
    }

    void openPause(long requestId, Instant at) {
        jdbc.sql("insert into help_request_pause (request_id, from_at) values (:r, :at)").param("r", requestId)
                .param("at", Timestamp.from(at)).update();
    }

    void closePause(long requestId, Instant at) {
        jdbc.sql("update help_request_pause set to_at = :at where request_id = :r and to_at is null").param("r", requestId)
                .param("at", Timestamp.from(at)).update();
    }

    /** The pauses of a request, oldest first. */
    List<PausePeriod> pauses(long requestId) {
        return jdbc.sql("select from_at, to_at from help_request_pause where request_id = :r order by from_at, id")
                .param("r", requestId)
                .query((rs, n) -> new PausePeriod(rs.getTimestamp("from_at").toInstant(),
                        rs.getTimestamp("to_at") == null ? null : rs.getTimestamp("to_at").toInstant()))
                .list();
    }

    long document(long requestId, String originalName, DocumentStore.Stored stored, String by, boolean byMember,
            Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into help_request_document (request_id, original_name, content_type, size_bytes, sha256,
                  storage_key, uploaded_by, by_member, uploaded_at)
                values (:r, :n, :ct, :s, :h, :k, :by, :m, :at)""")
                .param("r", requestId).param("n", DocumentStore.safeName(originalName))
                .param("ct", stored.contentType()).param("s", stored.size()).param("h", stored.sha256())
                .param("k", stored.key()).param("by", truncate(by, 100)).param("m", byMember)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<HelpDocumentView> documents(long requestId, boolean forMember) {
        return jdbc.sql("select * from help_request_document where request_id = :r order by id").param("r", requestId)
                .query((rs, n) -> documentView(rs, forMember)).list();
    }

    Optional<HelpDocumentView> documentOf(long requestId, long documentId, boolean forMember) {
        return jdbc.sql("select * from help_request_document where request_id = :r and id = :d").param("r", requestId)
                .param("d", documentId).query((rs, n) -> documentView(rs, forMember)).optional();
    }

    String storageKey(long documentId) {
        return jdbc.sql("select storage_key from help_request_document where id = :d").param("d", documentId)
                .query(String.class).single();
    }

    private static HelpDocumentView documentView(java.sql.ResultSet rs, boolean forMember) throws java.sql.SQLException {
        boolean byMember = rs.getBoolean("by_member");
        return new HelpDocumentView(rs.getLong("id"), rs.getLong("request_id"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"),
                forMember && !byMember ? null : rs.getString("uploaded_by"), byMember,
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private record Row(long id, Instant at, String actor, Long actorOrgId, EventKind kind, Long fromOrgId, Long toOrgId,
            String reason, String textEnc, boolean visibleToMember) {
    }

    private static void addIfPresent(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static String name(Map<Long, OrganisationView> names, Long id) {
        OrganisationView org = id == null ? null : names.get(id);
        return org == null ? null : org.name();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
