package org.gonghui.card.merchant;

import java.time.Instant;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.files.DocumentStore;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A merchant's documents (business licence, contract scan, other): uploaded with the application, by the merchant's
 * own accounts or by the federation's officers, kept in the shared {@link DocumentStore} (PDF, JPEG or PNG by content,
 * at most {@link #MAX_BYTES}), listed and opened by the merchant's accounts (their own merchant's only) and the
 * officers, each opening audit-logged.
 */
@Service
public class MerchantDocuments {

    /** What a document is. */
    public enum Kind {
        LICENCE, CONTRACT, OTHER
    }

    /** A document as listed. */
    public record Document(long id, long merchantId, Kind kind, String fileName, String contentType, long sizeBytes,
            String uploadedBy, Instant uploadedAt) {
    }

    /** A document with its content. */
    public record Content(Document document, byte[] bytes) {
    }

    /** The largest document accepted. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    static final DocumentStore.Area AREA = new DocumentStore.Area("card/merchants", MAX_BYTES,
            "card.merchant.document.unsupported", "card.merchant.document.not-found");

    private final CardMerchants merchants;
    private final DocumentStore files;
    private final AuditLog audit;
    private final PlatformTime time;
    private final JdbcClient jdbc;

    MerchantDocuments(CardMerchants merchants, DocumentStore files, AuditLog audit, PlatformTime time, JdbcClient jdbc) {
        this.merchants = merchants;
        this.files = files;
        this.audit = audit;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** A document from the merchant's own account or an officer ({@code merchantId} ignored for a merchant). */
    @Transactional
    public long upload(CurrentUser user, long merchantId, Kind kind, MultipartFile file) {
        MerchantView m = owner(user, merchantId);
        return store(m.id(), kind, file, user.getUsername());
    }

    /**
     * A public application with its business licence (required): both or neither — a refused file leaves no
     * application, a refused application stores no file.
     */
    @Transactional
    public long apply(MerchantApplication application, MultipartFile licence) {
        long id = merchants.apply(application);
        if (licence == null || licence.isEmpty()) {
            throw DomainException.invalid("card.merchant.apply.licence-missing");
        }
        store(id, Kind.LICENCE, licence, "public");
        return id;
    }

    private long store(long merchantId, Kind kind, MultipartFile file, String by) {
        if (kind == null) {
            throw DomainException.invalid("card.merchant.document.kind-invalid");
        }
        DocumentStore.Stored stored = files.store(AREA, String.valueOf(merchantId), file);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_merchant_document (card_merchant_id, kind, file_name, storage_key, content_type,
                  size_bytes, sha256, uploaded_by, uploaded_at)
                values (:m, :k, :n, :key, :t, :s, :sha, :by, :at)""").param("m", merchantId).param("k", kind.name())
                .param("n", DocumentStore.safeName(file.getOriginalFilename())).param("key", stored.key())
                .param("t", stored.contentType()).param("s", stored.size()).param("sha", stored.sha256())
                .param("by", by).param("at", MerchantStore.ts(time.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(by, null, "card.merchant.document", "card_merchant", merchantId, kind + " " + id);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Document> list(CurrentUser user, long merchantId) {
        MerchantView m = owner(user, merchantId);
        return jdbc.sql("select * from card_merchant_document where card_merchant_id = :m order by id desc")
                .param("m", m.id()).query((rs, n) -> new Document(rs.getLong("id"), m.id(),
                        Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** A document's content, for the merchant's own accounts and the officers; audit-logged. */
    @Transactional
    public Content open(CurrentUser user, long merchantId, long documentId) {
        MerchantView m = owner(user, merchantId);
        var row = jdbc.sql("select * from card_merchant_document where id = :id and card_merchant_id = :m")
                .param("id", documentId).param("m", m.id()).query((rs, n) -> new Object[] {new Document(rs.getLong("id"),
                        m.id(), Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()), rs.getString("storage_key")}).optional()
                .orElseThrow(() -> DomainException.notFound("card.merchant.document.not-found"));
        byte[] bytes = files.read(AREA, (String) row[1]);
        audit.record("card.merchant.document-read", "card_merchant", m.id(), "document " + documentId);
        return new Content((Document) row[0], bytes);
    }

    private MerchantView owner(CurrentUser user, long merchantId) {
        return user != null && user.has(Role.MERCHANT) ? merchants.own(user) : merchants.officerFind(user, merchantId);
    }
}
