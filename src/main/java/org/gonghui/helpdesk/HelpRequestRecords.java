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

    // ---- supervision

    long supervisionNotice(long requestId, OrganisationView from, long toOrgId, boolean automatic, String reason,
            String by, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into help_request_supervision (request_id, from_org_id, from_org_path, to_org_id, automatic, reason,
                  sent_by, sent_at)
                values (:r, :f, :fp, :t, :a, :reason, :by, :at)""")
                .param("r", requestId).param("f", from.id()).param("fp", from.path()).param("t", toOrgId)
                .param("a", automatic).param("reason", truncate(reason, 500)).param("by", truncate(by, 100))
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records the answer to an open notice; false when it was answered already (or is not this request's). */
    boolean answerSupervision(long requestId, long noticeId, String answer, String by, Instant at) {
        return jdbc.sql("""
                update help_request_supervision set answer_enc = :a, answered_by = :by, answered_at = :at
                where id = :n and request_id = :r and answered_at is null""")
                .param("a", cipher.encrypt(answer)).param("by", truncate(by, 100)).param("at", Timestamp.from(at))
                .param("n", noticeId).param("r", requestId).update() == 1;
    }

    Optional<SupervisionView> supervision(long requestId, long noticeId) {
        return jdbc.sql(SUPERVISION + " where s.id = :n and s.request_id = :r").param("n", noticeId).param("r", requestId)
                .query((rs, n) -> supervisionView(rs)).optional();
    }

    List<SupervisionView> supervisions(long requestId) {
        return jdbc.sql(SUPERVISION + " where s.request_id = :r order by s.id").param("r", requestId)
                .query((rs, n) -> supervisionView(rs)).list();
    }

    /**
     * Open notices a staff user is concerned with: sent to an organisation in their subtree (to answer) or sent by
     * one (to follow), on requests they may see; oldest first.
     */
    List<SupervisionView> openSupervisions(String scopePath, int limit, long offset) {
        return jdbc.sql(SUPERVISION + " join organisation t on t.id = s.to_org_id"
                        + " where s.answered_at is null and (t.path like :scope or s.from_org_path like :scope)"
                        + " and r.handling_org_path like :scope"
                        + " and (r.excluded_org_path is null or :path not like (r.excluded_org_path || '%'))"
                        + " order by s.sent_at, s.id limit :limit offset :offset")
                .param("scope", scopePath + "%").param("path", scopePath).param("limit", limit).param("offset", offset)
                .query((rs, n) -> supervisionView(rs)).list();
    }

    private static final String SUPERVISION = """
            select s.*, r.request_no, r.subject, fo.name as from_name, tor.name as to_name
            from help_request_supervision s join help_request r on r.id = s.request_id
            join organisation fo on fo.id = s.from_org_id join organisation tor on tor.id = s.to_org_id""";

    private SupervisionView supervisionView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SupervisionView(rs.getLong("id"), rs.getLong("request_id"), rs.getString("request_no"),
                rs.getString("subject"), rs.getLong("from_org_id"), rs.getString("from_name"), rs.getLong("to_org_id"),
                rs.getString("to_name"), rs.getBoolean("automatic"), rs.getString("reason"), rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(), cipher.decrypt(rs.getString("answer_enc")),
                rs.getString("answered_by"),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant());
    }

    // ---- legal aid

    long referral(long requestId, long lawyerId, Instant appointmentAt, String place, String note, String by, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into help_request_referral (request_id, lawyer_id, appointment_at, place, note_enc, created_by,
                  created_at)
                values (:r, :l, :ap, :p, :n, :by, :at)""")
                .param("r", requestId).param("l", lawyerId).param("ap", Timestamp.from(appointmentAt))
                .param("p", truncate(place, 200)).param("n", note == null ? null : cipher.encrypt(note))
                .param("by", truncate(by, 100)).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ReferralView> referrals(long requestId) {
        return jdbc.sql("""
                select f.*, l.name, l.firm, l.specialities from help_request_referral f
                join helpdesk_lawyer l on l.id = f.lawyer_id where f.request_id = :r order by f.id""")
                .param("r", requestId)
                .query((rs, n) -> new ReferralView(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("lawyer_id"),
                        rs.getString("name"), rs.getString("firm"), rs.getString("specialities"),
                        rs.getTimestamp("appointment_at").toInstant(), rs.getString("place"),
                        cipher.decrypt(rs.getString("note_enc")), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    // ---- duplicates

    /** The member's requests still open (for the duplicate rule). */
    List<DuplicateRule.Earlier> openOf(long memberId) {
        return jdbc.sql("""
                select id, request_type, subtype_code, status, received_at from help_request
                where member_id = :m and status <> 'CLOSED'""")
                .param("m", memberId)
                .query((rs, n) -> new DuplicateRule.Earlier(rs.getLong("id"), RequestType.valueOf(rs.getString("request_type")),
                        rs.getString("subtype_code"), RequestStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
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
