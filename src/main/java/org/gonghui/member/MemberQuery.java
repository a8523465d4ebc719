package org.gonghui.member;

/**
 * A member search: {@code text} is an exact ID number, an exact phone number or a name prefix (the kind is
 * recognised from its form); {@code orgId} narrows to an organisation's subtree; all parts optional.
 */
public record MemberQuery(String text, Long orgId, MemberType type, MemberStatus status) {

    public static MemberQuery all() {
        return new MemberQuery(null, null, null, null);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
