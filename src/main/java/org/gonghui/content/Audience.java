package org.gonghui.content;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.gonghui.member.MemberType;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;

/**
 * Who an article is for: the members of one organisation's subtree, of the chosen member types. A member outside it
 * never sees the article, not even by its id.
 */
public record Audience(long orgId, String path, Set<MemberType> types) {

    public Audience {
        if (types == null || types.isEmpty()) {
            throw DomainException.invalid("content.audience.no-type");
        }
        types = Set.copyOf(types);
        new TreePath(path);
    }

    /** Whether a member of this type at the organisation with this path is in the audience. */
    public boolean reaches(String memberOrgPath, MemberType type) {
        return memberOrgPath != null && memberOrgPath.startsWith(path) && types.contains(type);
    }

    /** The types as stored: between commas, so that {@code like '%,RETIRED,%'} tests one. */
    String typesColumn() {
        return "," + types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + ",";
    }

    static Set<MemberType> parseTypes(String column) {
        EnumSet<MemberType> types = EnumSet.noneOf(MemberType.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(MemberType::valueOf).forEach(types::add);
        return types;
    }
}
