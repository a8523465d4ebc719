package org.gonghui.mutualaid;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Claim documents in the platform's document store ({@link org.gonghui.shared.files.DocumentStore}), under
 * {@code <data-dir>/mutualaid/claims/<claim>/}: PDF, JPEG or PNG by content, not empty, not larger than the
 * configured limit.
 */
@Component("claimDocumentStore")
class DocumentStore {

    /** A stored file: where it is, its detected type, size and SHA-256. */
    record Stored(String key, String contentType, long size, String sha256) {
    }

    private final org.gonghui.shared.files.DocumentStore files;
    private final org.gonghui.shared.files.DocumentStore.Area area;

    DocumentStore(org.gonghui.shared.files.DocumentStore files, MutualAidProperties properties) {
        this.files = files;
        this.area = new org.gonghui.shared.files.DocumentStore.Area("mutualaid/claims", properties.maxDocumentBytes(),
                "mutualaid.document.unsupported", "mutualaid.document.not-found");
    }

    Stored store(long claimId, MultipartFile file) {
        org.gonghui.shared.files.DocumentStore.Stored stored = files.store(area, String.valueOf(claimId), file);
        return new Stored(stored.key(), stored.contentType(), stored.size(), stored.sha256());
    }

    byte[] read(String key) {
        return files.read(area, key);
    }

    static String detect(byte[] head) {
        return org.gonghui.shared.files.DocumentStore.detect(head);
    }
}
