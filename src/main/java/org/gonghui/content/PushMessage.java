package org.gonghui.content;

/**
 * One notice of a new article to one member: the member, their phone (null when none is on record), the article's
 * title and the absolute link that carries the member's open token.
 */
public record PushMessage(long memberId, String phone, long articleId, String title, String link) {
}
