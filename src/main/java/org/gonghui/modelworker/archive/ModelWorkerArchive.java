package org.gonghui.modelworker.archive;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model-worker archive: staff of an organisation keep the records of their subtree (a record elsewhere is "not
 * found"); life events are dated and kept as history; the ID number is stored sealed with a keyed hash (one record
 * per person, and the link to the member with the same number) and shown masked. Every change is audit-logged.
 */
@Service
public class ModelWorkerArchive {

    /** How long an attestation (and the retirement it starts from) holds: a year. */
    static final int ATTESTATION_MONTHS = 12;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final MemberLookup members;
    private final Organisations organisations;
    private final AuditLog audit;
    private final PlatformTime time;
    private final ApplicationEventPublisher events;

    ModelWorkerArchive(JdbcClient jdbc, PersonalDataCipher cipher, MemberLookup members, Organisations organisations,
            AuditLog audit, PlatformTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
        this.events = events;
    }

    /** Registers a model worker kept by an organisation of the staff user's subtree; linked to the member with the same ID number. */
    @Transactional
    public ModelWorkerView register(CurrentUser user, NewModelWorker form) {
        TreePath scope = TreePath.scopeOf(user);
        OrganisationView org = organisations.requireInScope(form.orgId(), scope);
        long id = insert(form, org, actor(user));
        event(id, LifeEvent.REGISTERED, form.allowanceFrom(), form.title() + " · " + form.titleYear(), user);
        linkIfMember(id, form.idNumber(), user);
        audit.record("modelworker.register", "model_worker", id, form.level().name());
        return require(id);
    }

    long insert(NewModelWorker form, OrganisationView org, String by) {
        String number = new IdNumber(form.idNumber()).value();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into model_worker (name, id_number_enc, id_number_hash, id_number_masked, org_id, org_path, title,
                      level, title_year, sector, employer, allowance_from, created_at, created_by)
                    values (:name, :enc, :hash, :masked, :org, :path, :title, :level, :year, :sector, :employer, :from, :at, :by)""")
                    .param("name", form.name()).param("enc", cipher.encrypt(number)).param("hash", cipher.hash(number))
                    .param("masked", Masking.idNumber(number)).param("org", org.id()).param("path", org.path())
                    .param("title", form.title()).param("level", form.level().name()).param("year", form.titleYear())
                    .param("sector", form.sector()).param("employer", form.employer())
                    .param("from", Date.valueOf(form.allowanceFrom())).param("at", Timestamp.from(time.now()))
                    .param("by", by).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("modelworker.already-registered");
        }
        return keys.getKey().longValue();
    }

    void linkIfMember(long id, String idNumber, CurrentUser user) {
        MemberLookup.Found member = members.byIdNumbers(List.of(idNumber)).get(new IdNumber(idNumber).value());
        if (member == null) {
            return;
        }
        int linked = jdbc.sql("""
                update model_worker set member_id = :m, version = version + 1 where id = :id and member_id is null
                  and not exists (select 1 from model_worker o where o.member_id = :m)""")
                .param("m", member.memberId()).param("id", id).update();
        if (linked == 1) {
            event(id, LifeEvent.LINKED, time.today(), null, user);
            events.publishEvent(new WorkerChanged(id, null, true));
        }
    }

    /** Links the record to the member registered with the same ID number (when the worker joined later). */
    @Transactional
    public ModelWorkerView link(CurrentUser user, long id) {
        requireInScope(user, id);
        String number = cipher.decrypt(jdbc.sql("select id_number_enc from model_worker where id = :id").param("id", id)
                .query(String.class).single());
        linkIfMember(id, number, user);
        ModelWorkerView view = require(id);
        if (view.memberId() == null) {
            throw DomainException.conflict("modelworker.link.no-member");
        }
        audit.record("modelworker.link", "model_worker", id, String.valueOf(view.memberId()));
        return view;
    }

    /**
     * Records a life event on its day: retired (the first attestation is due a year later), moved (to another
     * organisation of the subtree), deceased or title revoked (the allowance ends; months already made after the
     * end are withdrawn where the engine still can). Each but "moved" once; nothing after death.
     */
    @Transactional
    public ModelWorkerView record(CurrentUser user, long id, LifeEvent kind, LocalDate on, Long newOrgId, String note) {
        ModelWorkerView worker = requireInScope(user, id);
        if (kind == null || !LifeEvent.RECORDABLE.contains(kind)) {
            throw DomainException.invalid("modelworker.event.kind");
        }
        if (on == null || on.isAfter(time.today()) || on.getYear() < 1950) {
            throw DomainException.invalid("modelworker.event.date");
        }
        String detail = note == null || note.isBlank() ? null : note.strip();
        if (detail != null && detail.length() > 300) {
            throw DomainException.invalid("modelworker.field.too-long", "note", 300);
        }
        if (worker.deceasedOn() != null) {
            throw DomainException.conflict("modelworker.event.deceased");
        }
        switch (kind) {
            case RETIRED -> {
                requireNone(worker.retiredOn());
                jdbc.sql("""
                        update model_worker set retired_on = :on, attested_until = coalesce(attested_until, :until),
                          version = version + 1 where id = :id""")
                        .param("on", Date.valueOf(on)).param("until", Date.valueOf(on.plusMonths(ATTESTATION_MONTHS)))
                        .param("id", id).update();
            }
            case MOVED -> {
                if (newOrgId == null) {
                    throw DomainException.invalid("modelworker.field.required", "org");
                }
                OrganisationView to = organisations.requireInScope(newOrgId, TreePath.scopeOf(user));
                if (to.id() == worker.orgId()) {
                    throw DomainException.invalid("modelworker.event.same-org");
                }
                jdbc.sql("update model_worker set org_id = :org, org_path = :path, version = version + 1 where id = :id")
                        .param("org", to.id()).param("path", to.path()).param("id", id).update();
                detail = to.name() + (detail == null ? "" : " · " + detail);
            }
            case DECEASED -> jdbc.sql("update model_worker set deceased_on = :on, version = version + 1 where id = :id")
                    .param("on", Date.valueOf(on)).param("id", id).update();
            case REVOKED -> {
                requireNone(worker.revokedOn());
                jdbc.sql("update model_worker set revoked_on = :on, version = version + 1 where id = :id")
                        .param("on", Date.valueOf(on)).param("id", id).update();
            }
            default -> throw DomainException.invalid("modelworker.event.kind");
        }
        event(id, kind, on, detail, user);
        audit.record("modelworker.event", "model_worker", id, kind + " " + on);
        if (kind == LifeEvent.DECEASED || kind == LifeEvent.REVOKED) {
            events.publishEvent(new WorkerChanged(id, lastDay(id), false));
        }
        return require(id);
    }

    private LocalDate lastDay(long id) {
        ModelWorkerView w = require(id);
        LocalDate beforeRevocation = w.revokedOn() == null ? null : w.revokedOn().minusDays(1);
        if (w.deceasedOn() == null) {
            return beforeRevocation;
        }
        return beforeRevocation == null || w.deceasedOn().isBefore(beforeRevocation) ? w.deceasedOn() : beforeRevocation;
    }

    /** A retiree's yearly attestation (proof of life), seen on the day: valid a year; held months may then be paid. */
    @Transactional
    public ModelWorkerView attest(CurrentUser user, long id, LocalDate on, String note) {
        ModelWorkerView worker = requireInScope(user, id);
        if (worker.status() != WorkerStatus.RETIRED) {
            throw DomainException.conflict("modelworker.attest.not-retiree");
        }
        if (on == null || on.isAfter(time.today()) || on.isBefore(worker.retiredOn())) {
            throw DomainException.invalid("modelworker.event.date");
        }
        LocalDate until = on.plusMonths(ATTESTATION_MONTHS);
        if (worker.attestedUntil() != null && !until.isAfter(worker.attestedUntil())) {
            throw DomainException.conflict("modelworker.attest.not-later");
        }
        jdbc.sql("update model_worker set attested_until = :until, version = version + 1 where id = :id")
                .param("until", Date.valueOf(until)).param("id", id).update();
        String detail = note == null || note.isBlank() ? null : note.strip();
        event(id, LifeEvent.ATTESTED, on, detail == null ? null : detail.substring(0, Math.min(300, detail.length())), user);
        audit.record("modelworker.attest", "model_worker", id, on + " until " + until);
        events.publishEvent(new WorkerChanged(id, null, true));
        return require(id);
    }

    private static void requireNone(LocalDate existing) {
        if (existing != null) {
            throw DomainException.conflict("modelworker.event.already");
        }
    }

    void event(long id, LifeEvent kind, LocalDate on, String detail, CurrentUser user) {
        jdbc.sql("""
                insert into model_worker_event (worker_id, kind, effective_on, detail, at, by_user)
                values (:w, :kind, :on, :detail, :at, :by)""")
                .param("w", id).param("kind", kind.name()).param("on", Date.valueOf(on)).param("detail", detail)
                .param("at", Timestamp.from(time.now())).param("by", actor(user)).update();
    }

    static String actor(CurrentUser user) {
        return user == null ? "system" : user.getUsername();
    }

    static final String SELECT = "select w.* from model_worker w";

    /** A record of the staff user's subtree; anything else is "not found". */
    @Transactional(readOnly = true)
    public ModelWorkerView requireInScope(CurrentUser user, long id) {
        TreePath scope = TreePath.scopeOf(user);
        return find(id).filter(w -> scope.contains(w.orgPath()))
                .orElseThrow(() -> DomainException.notFound("modelworker.not-found", id));
    }

    private ModelWorkerView require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("modelworker.not-found", id));
    }

    Optional<ModelWorkerView> find(long id) {
        return jdbc.sql(SELECT + " where w.id = :id").param("id", id).query(ModelWorkerArchive::view).optional();
    }

    /** The member's own record, if they are a model worker. */
    @Transactional(readOnly = true)
    public Optional<ModelWorkerView> ofMember(long memberId) {
        return jdbc.sql(SELECT + " where w.member_id = :m").param("m", memberId).query(ModelWorkerArchive::view).optional();
    }

    /** The record's history, oldest first. */
    @Transactional(readOnly = true)
    public List<WorkerEventView> history(long id) {
        return jdbc.sql("select * from model_worker_event where worker_id = :id order by id").param("id", id)
                .query((rs, n) -> new WorkerEventView(rs.getLong("id"), LifeEvent.valueOf(rs.getString("kind")),
                        rs.getDate("effective_on").toLocalDate(), rs.getString("detail"),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_user"))).list();
    }

    /** The subtree's records, filtered, by name, a page at a time. */
    @Transactional(readOnly = true)
    public PageResult<ModelWorkerView> list(CurrentUser user, WorkerFilter filter, int page, int size) {
        TreePath scope = TreePath.scopeOf(user);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, filter, params);
        var statement = jdbc.sql(SELECT + where + " order by w.id desc limit :limit offset :offset");
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        List<ModelWorkerView> rows = statement.param("limit", pageSize + 1).param("offset", (long) pageNumber * pageSize)
                .query(ModelWorkerArchive::view).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }

    /** Every record of the subtree that matches, for the export (bounded by the archive's size: thousands). */
    @Transactional(readOnly = true)
    public List<ModelWorkerView> all(CurrentUser user, WorkerFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(TreePath.scopeOf(user), filter, params);
        var statement = jdbc.sql(SELECT + where + " order by w.id");
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement.query(ModelWorkerArchive::view).list();
    }

    private String where(TreePath scope, WorkerFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>(List.of("w.org_path like :scope"));
        params.put("scope", scope.likePattern());
        if (filter.level() != null) {
            clauses.add("w.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.status() != null) {
            clauses.add(switch (filter.status()) {
                case DECEASED -> "w.deceased_on is not null";
                case REVOKED -> "w.deceased_on is null and w.revoked_on is not null";
                case RETIRED -> "w.deceased_on is null and w.revoked_on is null and w.retired_on is not null";
                case IN_SERVICE -> "w.deceased_on is null and w.revoked_on is null and w.retired_on is null";
            });
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add("(w.name like :text" + LikePattern.ESCAPE + " or w.employer like :text" + LikePattern.ESCAPE
                    + " or w.title like :text" + LikePattern.ESCAPE + ")");
            params.put("text", LikePattern.containing(filter.text().strip()));
        }
        if (Boolean.TRUE.equals(filter.attestationDue())) {
            clauses.add("w.deceased_on is null and w.revoked_on is null and w.retired_on is not null"
                    + " and w.attested_until <= :due");
            params.put("due", Date.valueOf(time.today().plusDays(30)));
        }
        return " where " + String.join(" and ", clauses);
    }

    static ModelWorkerView view(ResultSet rs, int n) throws SQLException {
        LocalDate retired = date(rs, "retired_on");
        LocalDate deceased = date(rs, "deceased_on");
        LocalDate revoked = date(rs, "revoked_on");
        WorkerStatus status = deceased != null ? WorkerStatus.DECEASED : revoked != null ? WorkerStatus.REVOKED
                : retired != null ? WorkerStatus.RETIRED : WorkerStatus.IN_SERVICE;
        return new ModelWorkerView(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getObject("member_id", Long.class), rs.getLong("org_id"), rs.getString("org_path"), rs.getString("title"),
                ModelWorkerLevel.valueOf(rs.getString("level")), rs.getInt("title_year"), rs.getString("sector"),
                rs.getString("employer"), rs.getDate("allowance_from").toLocalDate(), retired, deceased, revoked,
                date(rs, "attested_until"), status);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
