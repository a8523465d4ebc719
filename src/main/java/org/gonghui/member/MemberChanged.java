package org.gonghui.member;

/**
 * A member's organisation, status, type, card or contact changed. Published inside the changing transaction, so
 * that other modules can drop what they keep of the member.
 */
public record MemberChanged(long memberId) {
}
