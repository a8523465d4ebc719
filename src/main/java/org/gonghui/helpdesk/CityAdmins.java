package org.gonghui.helpdesk;

import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;

/**
 * Who may change the help desk's configuration (the working calendar, the time limits): an admin of the city
 * federation, the root of the tree. Every other staff user reads it.
 */
public final class CityAdmins {

    private CityAdmins() {
    }

    public static boolean is(CurrentUser user) {
        return user != null && user.isStaff() && user.has(Role.ADMIN) && new TreePath(user.orgPath()).depth() == 1;
    }

    /** @throws DomainException forbidden ({@code helpdesk.config.city-admin-only}) for anyone else */
    public static void require(CurrentUser user) {
        TreePath.scopeOf(user);
        if (!is(user)) {
            throw DomainException.forbidden("helpdesk.config.city-admin-only");
        }
    }
}
