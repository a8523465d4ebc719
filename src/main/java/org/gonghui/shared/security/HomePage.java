package org.gonghui.shared.security;

/**
 * Where each kind of account belongs: staff in the console, merchants on their redemption page, members (and
 * everyone else) on the portal's home page. Sign-in lands there, and a page meant for another kind of account
 * sends the user there instead of refusing with someone else's navigation.
 */
public final class HomePage {

    public static final String CONSOLE = "/console";
    public static final String MERCHANT = "/merchant";
    public static final String PORTAL = "/";

    private HomePage() {
    }

    public static String of(CurrentUser user) {
        if (user.isStaff()) {
            return CONSOLE;
        }
        if (user.has(Role.MERCHANT) && !user.isMember()) {
            return MERCHANT;
        }
        return PORTAL;
    }

    /** The home of the kind of account a page is meant for, by its path. */
    public static String areaOf(String path) {
        if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
            return CONSOLE;
        }
        if (path.equals(MERCHANT) || path.startsWith(MERCHANT + "/")) {
            return MERCHANT;
        }
        return PORTAL;
    }
}
