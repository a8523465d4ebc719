package org.gonghui.helpdesk;

/** Staff replied to the member (or asked them for something: {@code askedMember}). */
public record HelpRequestReplied(long requestId, String requestNo, Long memberId, boolean askedMember) {
}
