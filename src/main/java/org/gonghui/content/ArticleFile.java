package org.gonghui.content;

/** A stored file of an article (cover or attachment) to send to a browser. */
public record ArticleFile(String fileName, String contentType, byte[] content) {
}
