package org.gonghui.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The materialised path of an organisation: the ids from the root down to it, e.g. {@code /1/3/27/}.
 * X lies in Y's subtree exactly when X's path starts with Y's path, which a database answers with one
 * indexed prefix scan ({@code path like '/1/3/%'}).
 */
public record TreePath(String value) {

    private static final Pattern FORMAT = Pattern.compile("(/[1-9][0-9]*)+/");

    public TreePath {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a tree path: " + value);
        }
    }

    /** The data scope of a staff user: their organisation's subtree. Anyone else is refused. */
    public static TreePath scopeOf(org.gonghui.shared.security.CurrentUser user) {
        if (user == null || !user.isStaff()) {
            throw org.gonghui.shared.DomainException.forbidden("error.forbidden");
        }
        return new TreePath(user.orgPath());
    }

    public static TreePath root(long id) {
        return new TreePath("/" + id + "/");
    }

    public TreePath child(long id) {
        return new TreePath(value + id + "/");
    }

    /** Whether {@code other} is this node or lies below it. */
    public boolean contains(TreePath other) {
        return other.value.startsWith(value);
    }

    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(value);
    }

    /** The ids from the root to this node. */
    public List<Long> ids() {
        return Arrays.stream(value.substring(1, value.length() - 1).split("/")).map(Long::valueOf).toList();
    }

    public int depth() {
        return ids().size();
    }

    public long last() {
        List<Long> ids = ids();
        return ids.get(ids.size() - 1);
    }

    /** The pattern for SQL {@code LIKE}: safe because paths hold only digits and slashes. */
    public String likePattern() {
        return value + "%";
    }

    @Override
    public String toString() {
        return value;
    }
}
