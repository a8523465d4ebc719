package org.gonghui.mutualaid;

/** A document's content, for showing it to someone allowed to see it. */
public record StoredDocument(DocumentView document, byte[] content) {
}
