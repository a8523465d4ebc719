package org.gonghui.shared.security;

import java.util.List;

/**
 * The demo accounts the sign-in page lists in demo mode, implemented by each demo-data loader that creates
 * accounts (the page lists them all, in the loaders' order). Labels are in the request's language.
 */
public interface DemoAccounts {

    List<DemoAccount> accounts();

    /** A demo sign-in: who it is, what to type, and the password. */
    record DemoAccount(String label, String login, String password) {
    }
}
