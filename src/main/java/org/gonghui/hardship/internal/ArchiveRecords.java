package org.gonghui.hardship.internal;

import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.files.DocumentStore;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reading archives: the subtree's list with filters, an archive's detail with the household masked, the audit-logged
 * reveal of the household and its assessment, documents, and the Excel export (no household details in it).
 */
@Service
public class ArchiveRecords {

    static final DocumentStore.Area DOCUMENTS = new DocumentStore.Area("hardship/archives", 10L * 1024 * 1024,
            "hardship.document.unsupported", "hardship.document.not-found");
    static final int MAX_DOCUMENTS = 20;
    static final int MAX_EXPORT = 50_000;

    /**
     * Filters of the archive list; each optional. {@code dueWithinDays}: review due within so many days (0: overdue
     * or due today); {@code leaving}: approved archives the latest yearly review found no longer in hardship.
     */
    public record Query(ArchiveStatus status, HardshipTier tier, Integer dueWithinDays, boolean leaving, String name) {
        public static Query all() {
            return new Query(null, null, null, false, null);
        }
    }

    private final JdbcClient jdbc;
    private final HardshipApplications applications;
    private final MeansTestData data;
    private final Sealing sealing;
    private final DocumentStore store;
    private final AuditLog audit;
    private final PlatformTime time;
    private final MessageSource messages;

    ArchiveRecords(JdbcClient jdbc, HardshipApplications applications, MeansTestData data, Sealing sealing,
            DocumentStore store, AuditLog audit, PlatformTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.data = data;
        this.sealing = sealing;
        this.store = store;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
    }

    /** The subtree's archives matching the query, newest first. */
    @Transactional(readOnly = true)
    public PageResult<ArchiveView> search(CurrentUser staff, Query query, int page, int size) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        var statement = filtered(staff, query, " order by a.id desc limit :l offset :o")
                .param("l", pageSize + 1).param("o", (long) pageNumber * pageSize);
        return PageResult.of(statement.query(HardshipApplications.VIEW).list(), pageNumber, pageSize);
    }

    private JdbcClient.StatementSpec filtered(CurrentUser staff, Query query, String tail) {
        TreePath scope = TreePath.scopeOf(staff);
        StringBuilder sql = new StringBuilder(HardshipApplications.SELECT).append(" where a.org_path like :scope");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"scope", scope.likePattern()});
        if (query.status() != null) {
            sql.append(" and a.status = :status");
            params.add(new Object[] {"status", query.status().name()});
        }
        if (query.tier() != null) {
            sql.append(" and a.tier = :tier");
            params.add(new Object[] {"tier", query.tier().name()});
        }
        if (query.dueWithinDays() != null) {
            if (query.dueWithinDays() < 0 || query.dueWithinDays() > 366) {
                throw DomainException.invalid("hardship.filter.due");
            }
            sql.append(" and a.status = 'APPROVED' and a.review_due <= :due");
            params.add(new Object[] {"due", Date.valueOf(time.today().plusDays(query.dueWithinDays()))});
        }
        if (query.leaving()) {
            sql.append(" ").append("""
                    and a.status = 'APPROVED' and exists (select 1 from hardship_review_item i where i.archive_id = a.id
                      and i.tier_after is null and i.round_id = (select max(j.round_id) from hardship_review_item j
                      where j.archive_id = a.id))
                    """);
        }
        if (query.name() != null && !query.name().isBlank()) {
            String name = query.name().strip();
            if (name.length() > 50) {
                throw DomainException.invalid("hardship.filter.name");
            }
            sql.append(" and m.name like :name").append(org.gonghui.shared.LikePattern.ESCAPE);
            params.add(new Object[] {"name", org.gonghui.shared.LikePattern.startingWith(name)});
        }
        var statement = jdbc.sql(sql.append(tail).toString());
        for (Object[] p : params) {
            statement = statement.param((String) p[0], p[1]);
        }
        return statement;
    }

    /** An archive with its household masked, its steps and documents. Looking is audit-logged. */
    @Transactional
    public ArchiveDetail detail(CurrentUser staff, long id) {
        ArchiveView archive = applications.requireInScope(staff, id);
        Household household = archive.anonymised() ? null : applications.household(id);
        audit.record("hardship.view", "hardship_archive", id, null);
        return new ArchiveDetail(archive, household == null ? null : MaskedHousehold.of(household),
                applications.steps(id), documents(id));
    }

    /** The household in clear with its assessment (frozen, or provisional on today's data); audit-logged. */
    @Transactional
    public Revealed reveal(CurrentUser staff, long id) {
        ArchiveView archive = applications.requireInScope(staff, id);
        audit.record("hardship.reveal", "hardship_archive", id, "household and figures");
        return revealed(archive);
    }

    /** The member's own household and assessment (their own data: logged, not masked). */
    @Transactional
    public Revealed own(long memberId, long id) {
        ArchiveView archive = applications.own(memberId, id);
        audit.record("hardship.view-own", "hardship_archive", id, null);
        return revealed(archive);
    }

    private Revealed revealed(ArchiveView archive) {
        if (archive.anonymised()) {
            return new Revealed(archive.id(), null, null, false);
        }
        Household household = applications.household(archive.id());
        String decision = jdbc.sql("select decision_enc from hardship_archive where id = :id").param("id", archive.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
        if (decision != null) {
            Sealing.Decision frozen = sealing.decision(decision);
            HardshipTier tier = archive.status() == ArchiveStatus.APPROVED || archive.status() == ArchiveStatus.LEFT
                    ? tierOf(frozen) : null;
            return new Revealed(archive.id(), household, new MeansTest.Outcome(tier, frozen.figures(), frozen.lines()), false);
        }
        try {
            return new Revealed(archive.id(), household, applications.assess(archive, household), true);
        } catch (DomainException noStandard) {
            return new Revealed(archive.id(), household, null, true);
        }
    }

    private static HardshipTier tierOf(Sealing.Decision decision) {
        ExplanationLine last = decision.lines().get(decision.lines().size() - 1);
        return "result".equals(last.code()) ? HardshipTier.valueOf(last.args().get(0)) : null;
    }

    /** Attaches a document (PDF, JPEG or PNG) to an open archive: by the member or by staff in scope. */
    @Transactional
    public DocumentView attach(ArchiveView archive, MultipartFile file, String by) {
        if (!archive.status().open()) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        int count = jdbc.sql("select count(*) from hardship_document where archive_id = :id").param("id", archive.id())
                .query(Integer.class).single();
        if (count >= MAX_DOCUMENTS) {
            throw DomainException.conflict("hardship.document.too-many", MAX_DOCUMENTS);
        }
        DocumentStore.Stored stored = store.store(DOCUMENTS, String.valueOf(archive.id()), file);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into hardship_document (archive_id, doc_key, name, content_type, size_bytes, sha256, uploaded_at,
                  uploaded_by) values (:a, :k, :n, :t, :s, :h, :at, :by)""")
                .param("a", archive.id()).param("k", stored.key())
                .param("n", DocumentStore.safeName(file.getOriginalFilename())).param("t", stored.contentType())
                .param("s", stored.size()).param("h", stored.sha256()).param("at", Timestamp.from(time.now()))
                .param("by", by).update(keys, "id");
        audit.record("hardship.document", "hardship_archive", archive.id(), stored.sha256());
        return documents(archive.id()).stream().filter(d -> d.id() == keys.getKey().longValue()).findFirst().orElseThrow();
    }

    /** A document's content and type; audit-logged. */
    @Transactional
    public Download download(ArchiveView archive, long documentId) {
        var row = jdbc.sql("select doc_key, name, content_type from hardship_document where id = :d and archive_id = :a")
                .param("d", documentId).param("a", archive.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
                .orElseThrow(() -> DomainException.notFound("hardship.document.not-found"));
        audit.record("hardship.document-view", "hardship_archive", archive.id(), String.valueOf(documentId));
        return new Download(row[1], row[2], store.read(DOCUMENTS, row[0]));
    }

    public record Download(String name, String contentType, byte[] content) {
    }

    public List<DocumentView> documents(long archiveId) {
        return jdbc.sql("""
                select id, name, content_type, size_bytes, uploaded_at from hardship_document where archive_id = :a
                order by id""").param("a", archiveId)
                .query((rs, n) -> new DocumentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** The archives matching the query as Excel: number, name, organisation, status, tier, dates — nothing sealed. */
    @Transactional
    public int export(CurrentUser staff, Query query, OutputStream out) {
        List<ArchiveView> rows = filtered(staff, query, " order by a.id limit " + MAX_EXPORT)
                .query(HardshipApplications.VIEW).list();
        List<List<?>> lines = new ArrayList<>(rows.size());
        for (ArchiveView a : rows) {
            lines.add(List.of(a.number(), a.memberName() == null ? "" : a.memberName(), a.orgName(),
                    message("hardship.status." + a.status()), a.tier() == null ? "" : message("hardship.tier." + a.tier()),
                    message(a.returning() ? "common.yes" : "common.no"), time.date(time.dateOf(a.appliedAt())),
                    text(a.since()), text(a.reviewDue()), text(a.leftOn()), a.leftReason() == null ? "" : a.leftReason()));
        }
        audit.record("hardship.export", "hardship_archive", null, lines.size() + " archives");
        Spreadsheets.write(out, "archives", List.of(message("hardship.col.number"), message("hardship.col.name"),
                message("hardship.col.org"), message("hardship.col.status"), message("hardship.col.tier"),
                message("hardship.col.returning"), message("hardship.col.applied"), message("hardship.col.since"),
                message("hardship.col.review-due"), message("hardship.col.left-on"), message("hardship.col.left-reason")),
                lines);
        return lines.size();
    }

    private static String text(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
