package org.gonghui.organisation;

import java.time.Instant;
import org.gonghui.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation in the four-level tree. */
@Table("organisation")
class Organisation {

    static final int MAX_NAME = 100;

    @Id
    private Long id;
    private Long parentId;
    private OrganisationKind kind;
    private String name;
    private String code;
    private String path;
    private int depth;
    private OrganisationStatus status;
    private Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Organisation(Long id, Long parentId, OrganisationKind kind, String name, String code, String path, int depth,
            OrganisationStatus status, Instant createdAt, Integer version) {
        this.id = id;
        this.parentId = parentId;
        this.kind = kind;
        this.name = name;
        this.code = code;
        this.path = path;
        this.depth = depth;
        this.status = status;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new organisation; its path is set once the database has given it an id ({@link #placeUnder}). */
    static Organisation create(Organisation parent, OrganisationKind kind, String name, String code) {
        if (parent == null && kind != OrganisationKind.CITY) {
            throw DomainException.invalid("organisation.parent.required");
        }
        if (parent != null) {
            parent.requireAcceptsChild(kind);
        }
        // a placeholder path that satisfies the NOT NULL column until the id is known
        return new Organisation(null, parent == null ? null : parent.id, kind, checkedName(name), checkedCode(code),
                "/0/", parent == null ? 1 : parent.depth + 1, OrganisationStatus.ACTIVE, Instant.now(), null);
    }

    void placeUnder(Organisation parent) {
        TreePath newPath = parent == null ? TreePath.root(id) : parent.treePath().child(id);
        this.path = newPath.value();
        this.depth = newPath.depth();
        this.parentId = parent == null ? null : parent.id;
    }

    void rename(String newName) {
        requireActive();
        this.name = checkedName(newName);
    }

    void close() {
        requireActive();
        if (parentId == null) {
            throw DomainException.invalid("organisation.close.root");
        }
        this.status = OrganisationStatus.CLOSED;
    }

    void requireAcceptsChild(OrganisationKind childKind) {
        requireActive();
        if (!kind.mayContain(childKind)) {
            throw DomainException.invalid("organisation.kind.not-allowed", childKind.name(), kind.name());
        }
    }

    void requireActive() {
        if (status != OrganisationStatus.ACTIVE) {
            throw DomainException.conflict("organisation.closed", name);
        }
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("organisation.name.required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw DomainException.invalid("organisation.name.too-long", MAX_NAME);
        }
        return trimmed;
    }

    private static String checkedCode(String code) {
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{1,40}")) {
            throw DomainException.invalid("organisation.code.invalid");
        }
        return code.trim();
    }

    TreePath treePath() {
        return new TreePath(path);
    }

    OrganisationView view() {
        return new OrganisationView(id, parentId, kind, name, code, path, depth, status);
    }

    Long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    OrganisationKind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    String path() {
        return path;
    }

    int depth() {
        return depth;
    }
}
