package org.gonghui.shared.security;

import java.util.List;

/** The demo accounts the sign-in page lists in demo mode (implemented by the demo-data loader). */
public interface DemoAccounts {

    List<DemoAccount> accounts();

    /** A demo sign-in: who it is, what to type, and the password. */
    record DemoAccount(String label, String login, String password) {
    }
}
