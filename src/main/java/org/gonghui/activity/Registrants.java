package org.gonghui.activity;

import java.util.Collection;
import java.util.Map;
import org.gonghui.member.MemberLookup;
import org.gonghui.organisation.TreePath;
import org.springframework.stereotype.Component;

/** Who registered, for staff lists: one batched look-up per page, only members within the staff user's scope. */
@Component
class Registrants {

    private final MemberLookup lookup;

    Registrants(MemberLookup lookup) {
        this.lookup = lookup;
    }

    /** The members among these ids that lie in the scope (masked values only), keyed by id. */
    Map<Long, MemberLookup.Listed> inScope(TreePath scope, Collection<Long> memberIds) {
        Map<Long, MemberLookup.Listed> found = lookup.byIds(memberIds);
        found.values().removeIf(member -> !scope.contains(member.orgPath()));
        return found;
    }
}
