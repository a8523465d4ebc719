package org.gonghui.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.files.DocumentStore;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Editors' use cases. An article belongs to the editor's organisation; staff whose subtree holds that organisation
 * may edit, review and withdraw it (a district's editor works on the district's and its townships' articles, a
 * township's editor never on the district's: "not found"). Draft → review → published now or scheduled; the city's
 * own articles need a second person to approve them. Every state change is a conditional update from the expected
 * state, so two editors pressing at once cannot both win.
 */
@Service
public class Articles {

    static final DocumentStore.Area FILES = new DocumentStore.Area("content/articles", 10L * 1024 * 1024,
            "content.file.unsupported", "content.file.not-found");

    private final ArticleStore store;
    private final Organisations organisations;
    private final DocumentStore documents;
    private final Pushes pushes;
    private final ReadableArticles readable;
    private final AuditLog audit;
    private final PlatformTime time;

    Articles(ArticleStore store, Organisations organisations, DocumentStore documents, Pushes pushes,
            ReadableArticles readable, AuditLog audit, PlatformTime time) {
        this.readable = readable;
        this.store = store;
        this.organisations = organisations;
        this.documents = documents;
        this.pushes = pushes;
        this.audit = audit;
        this.time = time;
    }

    /** A new draft of the editor's organisation. */
    @Transactional
    public ArticleView create(CurrentUser editor, ArticleForm form) {
        requireEditor(editor);
        form.checked();
        Audience audience = audienceOf(editor, form);
        String body = RichText.clean(form.bodyHtml());
        long id = store.insert(form, body, form.summaryOrExcerpt(body), audience, editor.orgId(), editor.orgPath(),
                editor.accountId(), editor.displayName(), time.now());
        audit.record("content.create", "content_article", id, null);
        return store.find(id).orElseThrow();
    }

    /** Changes a draft (also one sent back by a reviewer). */
    @Transactional
    public ArticleView update(CurrentUser editor, long id, ArticleForm form) {
        ArticleView article = require(editor, id);
        requireStatus(article, ArticleStatus.DRAFT);
        form.checked();
        Audience audience = audienceOf(editor, form);
        String body = RichText.clean(form.bodyHtml());
        store.update(id, form, body, form.summaryOrExcerpt(body), audience, time.now());
        audit.record("content.update", "content_article", id, null);
        return store.find(id).orElseThrow();
    }

    /** The draft's cover picture (JPEG or PNG). */
    @Transactional
    public void setCover(CurrentUser editor, long id, MultipartFile file) {
        requireStatus(require(editor, id), ArticleStatus.DRAFT);
        DocumentStore.Stored stored = documents.store(FILES, "a" + id, file);
        if (!stored.contentType().startsWith("image/")) {
            throw DomainException.invalid("content.cover.not-image");
        }
        store.setCover(id, stored.key(), stored.contentType(), time.now());
    }

    /** A file that goes with the draft (PDF, JPEG or PNG). */
    @Transactional
    public void attach(CurrentUser editor, long id, MultipartFile file) {
        requireStatus(require(editor, id), ArticleStatus.DRAFT);
        DocumentStore.Stored stored = documents.store(FILES, "a" + id, file);
        store.addAttachment(id, stored.key(), DocumentStore.safeName(file.getOriginalFilename()),
                stored.contentType(), stored.size(), time.now());
    }

    @Transactional
    public ArticleView submit(CurrentUser editor, long id) {
        require(editor, id);
        move(id, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW);
        audit.record("content.submit", "content_article", id, null);
        return store.find(id).orElseThrow();
    }

    /**
     * Approves an article in review: published now, or at {@code publishAt} when that is later. The city's own
     * articles (owned by the root of the tree) are approved by someone other than their author.
     */
    @Transactional
    public ArticleView approve(CurrentUser reviewer, long id, Instant publishAt) {
        ArticleView article = require(reviewer, id);
        requireStatus(article, ArticleStatus.IN_REVIEW);
        if (new TreePath(article.ownerPath()).depth() == 1 && article.authorId() == reviewer.accountId()) {
            throw DomainException.conflict("content.review.second-person");
        }
        Instant now = time.now();
        boolean later = publishAt != null && publishAt.isAfter(now);
        if (later && publishAt.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw DomainException.invalid("content.schedule.too-far");
        }
        move(id, ArticleStatus.IN_REVIEW, later ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED);
        store.set(id, "reviewer_id = :rid, reviewer_name = :rname, review_note = null, publish_at = :at"
                + (later ? "" : ", published_at = :at"),
                Map.of("rid", reviewer.accountId(), "rname", reviewer.displayName(), "at", later ? publishAt : now));
        audit.record(later ? "content.schedule" : "content.publish", "content_article", id, null);
        if (!later && article.push()) {
            pushes.start(id);
        }
        return store.find(id).orElseThrow();
    }

    /** Sends an article in review back to its author with a note. */
    @Transactional
    public ArticleView reject(CurrentUser reviewer, long id, String note) {
        require(reviewer, id);
        String reason = requireReason(note);
        move(id, ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT);
        store.set(id, "reviewer_id = :rid, reviewer_name = :rname, review_note = :note",
                Map.of("rid", reviewer.accountId(), "rname", reviewer.displayName(), "note", reason));
        audit.record("content.reject", "content_article", id, null);
        return store.find(id).orElseThrow();
    }

    /** Takes a published or scheduled article back; its readers no longer see it and its push stops. */
    @Transactional
    public ArticleView withdraw(CurrentUser editor, long id, String reason) {
        ArticleView article = require(editor, id);
        String why = requireReason(reason);
        if (article.status() != ArticleStatus.PUBLISHED && article.status() != ArticleStatus.SCHEDULED) {
            throw DomainException.conflict("content.status.wrong", article.status().name());
        }
        move(id, article.status(), ArticleStatus.WITHDRAWN);
        store.set(id, "withdrawn_at = :at, withdrawn_reason = :why", Map.of("at", time.now(), "why", why));
        audit.record("content.withdraw", "content_article", id, why);
        return store.find(id).orElseThrow();
    }

    /** Publishes the scheduled articles whose time has come (the publishing job). */
    @Transactional
    public int publishDue() {
        int published = 0;
        Instant now = time.now();
        for (long id : store.due(now)) {
            readable.changed(id);
            if (store.move(id, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED, now)) {
                store.set(id, "published_at = :at", Map.of("at", now));
                audit.record("system", null, "content.publish", "content_article", id, "scheduled");
                if (store.find(id).orElseThrow().push()) {
                    pushes.start(id);
                }
                published++;
            }
        }
        return published;
    }

    /** An article of the editor's subtree. */
    @Transactional(readOnly = true)
    public ArticleView view(CurrentUser editor, long id) {
        return require(editor, id);
    }

    /** Articles of the editor's subtree, latest change first; {@code status} narrows the list (the review queue). */
    @Transactional(readOnly = true)
    public PageResult<ArticleView> list(CurrentUser editor, ArticleStatus status, int page, int size) {
        requireEditor(editor);
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        List<ArticleView> rows = store.owned(editor.orgPath(), status, p * s, s + 1);
        return PageResult.of(rows, p, s);
    }

    /** The cover picture of an article in the editor's subtree. */
    @Transactional(readOnly = true)
    public ArticleFile cover(CurrentUser editor, long id) {
        require(editor, id);
        return coverOf(id);
    }

    /** An attachment of an article in the editor's subtree. */
    @Transactional(readOnly = true)
    public ArticleFile attachment(CurrentUser editor, long id, long attachmentId) {
        require(editor, id);
        return attachmentOf(id, attachmentId);
    }

    ArticleFile coverOf(long id) {
        ArticleStore.StoredFile file = store.cover(id)
                .orElseThrow(() -> DomainException.notFound("content.file.not-found"));
        return new ArticleFile(file.fileName(), file.contentType(), documents.read(FILES, file.key()));
    }

    ArticleFile attachmentOf(long id, long attachmentId) {
        ArticleStore.StoredFile file = store.attachment(id, attachmentId)
                .orElseThrow(() -> DomainException.notFound("content.file.not-found"));
        return new ArticleFile(file.fileName(), file.contentType(), documents.read(FILES, file.key()));
    }

    private ArticleView require(CurrentUser editor, long id) {
        requireEditor(editor);
        return store.find(id).filter(a -> editor.covers(a.ownerPath()))
                .orElseThrow(() -> DomainException.notFound("content.article.not-found"));
    }

    private static void requireEditor(CurrentUser user) {
        if (user == null || !user.isStaff()) {
            throw DomainException.forbidden("error.forbidden");
        }
    }

    private Audience audienceOf(CurrentUser editor, ArticleForm form) {
        OrganisationView org = organisations.requireInScope(form.audienceOrgId(), TreePath.scopeOf(editor));
        return new Audience(org.id(), org.path(), form.audienceTypes());
    }

    private void move(long id, ArticleStatus from, ArticleStatus to) {
        readable.changed(id);
        if (!store.move(id, from, to, time.now())) {
            throw DomainException.conflict("content.status.wrong", from.name());
        }
    }

    private static void requireStatus(ArticleView article, ArticleStatus status) {
        if (article.status() != status) {
            throw DomainException.conflict("content.status.wrong", article.status().name());
        }
    }

    private static String requireReason(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 500) {
            throw DomainException.invalid("content.reason.required");
        }
        return text.strip();
    }
}
