package org.gonghui.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: look-ups, subtree queries and the changes admins make to it. Every method that
 * takes a {@code scope} refuses (as "not found") organisations outside that subtree, so a caller can pass
 * the staff user's own path and never leak another branch.
 */
@Service
public class Organisations {

    static final RowMapper<OrganisationView> VIEW = (rs, n) -> new OrganisationView(rs.getLong("id"),
            rs.getObject("parent_id", Long.class), OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"),
            rs.getString("code"), rs.getString("path"), rs.getInt("depth"),
            OrganisationStatus.valueOf(rs.getString("status")));

    private final OrganisationRepository repository;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Organisations(OrganisationRepository repository, JdbcClient jdbc, ApplicationEventPublisher events, AuditLog audit) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(long id) {
        return repository.findById(id).map(Organisation::view);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> findByCode(String code) {
        return code == null ? Optional.empty() : repository.findByCode(code.trim()).map(Organisation::view);
    }

    /** The organisation if it lies in {@code scope}; otherwise "not found", whether or not it exists. */
    @Transactional(readOnly = true)
    public OrganisationView requireInScope(long id, TreePath scope) {
        return find(id).filter(o -> scope.contains(o.path()))
                .orElseThrow(() -> DomainException.notFound("organisation.not-found", id));
    }

    /** Whether the organisation exists and lies in the subtree at {@code scope}. */
    @Transactional(readOnly = true)
    public boolean isWithin(long id, TreePath scope) {
        return find(id).map(o -> scope.contains(o.path())).orElse(false);
    }

    @Transactional(readOnly = true)
    public Map<Long, OrganisationView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from organisation where id in (:ids)").param("ids", ids).query(VIEW).list().stream()
                .collect(Collectors.toMap(OrganisationView::id, Function.identity()));
    }

    /**
     * Every organisation of the tree, open or closed, by path (a parent before its children): for background jobs
     * that walk the whole tree, such as the dashboards' roll-up. About ten thousand rows at full size.
     */
    @Transactional(readOnly = true)
    public List<OrganisationView> all() {
        return jdbc.sql("select * from organisation order by path").query(VIEW).list();
    }

    /** The direct children of an organisation, active first, by name. */
    @Transactional(readOnly = true)
    public List<OrganisationView> children(long parentId) {
        return jdbc.sql("select * from organisation where parent_id = :p order by status, kind, name")
                .param("p", parentId).query(VIEW).list();
    }

    /** The number of direct children per organisation, for showing which tree nodes can be opened. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> childCounts(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select parent_id, count(*) as n from organisation where parent_id in (:ids) group by parent_id")
                .param("ids", parentIds)
                .query((rs, n) -> Map.entry(rs.getLong("parent_id"), rs.getInt("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The chain from the root down to (and including) the organisation. */
    @Transactional(readOnly = true)
    public List<OrganisationView> lineage(OrganisationView organisation) {
        Map<Long, OrganisationView> byId = findAll(organisation.treePath().ids());
        return organisation.treePath().ids().stream().map(byId::get).filter(o -> o != null).toList();
    }

    /** Organisations in the subtree whose name or code contains the text, for pickers and the console. */
    @Transactional(readOnly = true)
    public PageResult<OrganisationView> search(TreePath scope, String text, OrganisationKind kind, boolean activeOnly,
            int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        StringBuilder sql = new StringBuilder("select * from organisation where path like :scope");
        if (text != null && !text.isBlank()) {
            sql.append(" and (name like :text" + LikePattern.ESCAPE + " or code = :code)");
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
        }
        if (activeOnly) {
            sql.append(" and status = 'ACTIVE'");
        }
        sql.append(" order by depth, name limit :limit offset :offset");
        var statement = jdbc.sql(sql.toString()).param("scope", scope.likePattern())
                .param("limit", safeSize + 1).param("offset", (long) safePage * safeSize);
        if (text != null && !text.isBlank()) {
            statement = statement.param("text", LikePattern.containing(text.trim())).param("code", text.trim());
        }
        if (kind != null) {
            statement = statement.param("kind", kind.name());
        }
        return PageResult.of(statement.query(VIEW).list(), safePage, safeSize);
    }

    /** How many organisations of each kind lie in the subtree. */
    @Transactional(readOnly = true)
    public Map<OrganisationKind, Long> countByKind(TreePath scope) {
        return jdbc.sql("select kind, count(*) as n from organisation where path like :scope and status = 'ACTIVE' group by kind")
                .param("scope", scope.likePattern())
                .query((rs, n) -> Map.entry(OrganisationKind.valueOf(rs.getString("kind")), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Creates the city federation, the root of the tree. Only for setting up an empty platform. */
    @Transactional
    public OrganisationView createRoot(String name, String code) {
        if (repository.count() > 0) {
            throw DomainException.conflict("organisation.root.exists");
        }
        Organisation root = save(Organisation.create(null, OrganisationKind.CITY, name, code));
        root.placeUnder(null);
        return repository.save(root).view();
    }

    /** Creates an organisation under a parent that must lie in the creator's scope. */
    @Transactional
    public OrganisationView create(TreePath scope, long parentId, OrganisationKind kind, String name, String code) {
        Organisation parent = requireEntityInScope(parentId, scope);
        Organisation created = save(Organisation.create(parent, kind, name, code));
        created.placeUnder(parent);
        OrganisationView view = repository.save(created).view();
        audit.record("organisation.create", "organisation", view.id(), view.code() + " " + view.name());
        return view;
    }

    @Transactional
    public OrganisationView rename(TreePath scope, long id, String name) {
        Organisation organisation = requireEntityInScope(id, scope);
        String old = organisation.name();
        organisation.rename(name);
        OrganisationView view = repository.save(organisation).view();
        audit.record("organisation.rename", "organisation", id, old + " -> " + view.name());
        return view;
    }

    /**
     * Moves an organisation with its whole subtree under a new parent. Both must lie in the scope; the
     * scope's own root cannot be moved, nor can a node be moved into its own subtree.
     */
    @Transactional
    public OrganisationView move(TreePath scope, long id, long newParentId) {
        Organisation organisation = requireEntityInScope(id, scope);
        Organisation parent = requireEntityInScope(newParentId, scope);
        if (organisation.path().equals(scope.value()) || organisation.parentId() == null) {
            throw DomainException.invalid("organisation.move.root");
        }
        if (organisation.treePath().contains(parent.treePath())) {
            throw DomainException.invalid("organisation.move.into-own-subtree");
        }
        if (parent.id().equals(organisation.parentId())) {
            return organisation.view();
        }
        parent.requireAcceptsChild(organisation.kind());
        String oldPath = organisation.path();
        long oldParent = organisation.parentId();
        organisation.placeUnder(parent);
        String newPath = organisation.path();
        repository.save(organisation);
        int delta = organisation.depth() - (oldPath.split("/").length - 1);
        jdbc.sql("""
                update organisation set path = :newPrefix || substring(path, :cut), depth = depth + :delta,
                       version = version + 1
                where path like :old and id <> :id""")
                .param("newPrefix", newPath).param("cut", oldPath.length() + 1).param("delta", delta)
                .param("old", oldPath + "%").param("id", id).update();
        events.publishEvent(new OrganisationMoved(id, oldParent, parent.id(), oldPath, newPath));
        audit.record("organisation.move", "organisation", id, oldPath + " -> " + newPath);
        return organisation.view();
    }

    /** Closes an organisation that has no active children; other modules may veto ({@link OrganisationClosing}). */
    @Transactional
    public OrganisationView close(TreePath scope, long id) {
        Organisation organisation = requireEntityInScope(id, scope);
        if (organisation.path().equals(scope.value())) {
            throw DomainException.invalid("organisation.close.own");
        }
        Integer activeChildren = jdbc.sql("select count(*) from organisation where parent_id = :id and status = 'ACTIVE'")
                .param("id", id).query(Integer.class).single();
        if (activeChildren > 0) {
            throw DomainException.conflict("organisation.close.has-children", activeChildren);
        }
        organisation.close();
        events.publishEvent(new OrganisationClosing(id, organisation.name()));
        OrganisationView view = repository.save(organisation).view();
        audit.record("organisation.close", "organisation", id, view.name());
        return view;
    }

    Organisation requireEntityInScope(long id, TreePath scope) {
        return repository.findById(id).filter(o -> scope.contains(o.path()))
                .orElseThrow(() -> DomainException.notFound("organisation.not-found", id));
    }

    Optional<Organisation> findEntityByCode(String code) {
        return repository.findByCode(code);
    }

    private Organisation save(Organisation organisation) {
        try {
            return repository.save(organisation);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("organisation.code.taken");
        }
    }

}
