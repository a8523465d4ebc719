package org.gonghui.shared.web;

import java.util.List;

/**
 * One service on the member's home page: where it leads, its icon and label (message codes), and a few short
 * status lines (message code and arguments), of which an {@code urgent} one asks the member to act.
 *
 * @param order where the tile stands on the page, smallest first
 * @param icon  the name of an icon fragment in {@code fragments/icons.html}
 */
public record ServiceTile(int order, String key, String href, String icon, String labelCode, List<Status> lines) {

    public ServiceTile {
        lines = List.copyOf(lines);
    }

    public boolean urgent() {
        return lines.stream().anyMatch(Status::urgent);
    }

    /** A status line: a message code with its arguments; urgent when the member has something to do. */
    public record Status(String code, List<Object> args, boolean urgent) {

        public Status {
            args = List.copyOf(args);
        }

        public static Status of(String code, Object... args) {
            return new Status(code, List.of(args), false);
        }

        public static Status urgent(String code, Object... args) {
            return new Status(code, List.of(args), true);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
