package org.gonghui.helpdesk;

/** A document's content, for someone allowed to see it. */
public record HelpDocument(HelpDocumentView document, byte[] content) {
}
