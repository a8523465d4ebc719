package org.gonghui.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gonghui.organisation.OrganisationImport;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The organisation tree for staff apps, limited to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The four-level organisation tree")
@SecurityRequirement(name = "bearer")
class OrganisationApiController {

    private final Organisations organisations;
    private final OrganisationImport importer;

    OrganisationApiController(Organisations organisations, OrganisationImport importer) {
        this.organisations = organisations;
        this.importer = importer;
    }

    @GetMapping
    @Operation(summary = "Search the caller's subtree by name or code")
    PageResult<OrganisationView> search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) OrganisationKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return organisations.search(TreePath.scopeOf(user), q, kind, false, page, size);
    }

    @GetMapping("/{id}")
    OrganisationView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return organisations.requireInScope(id, TreePath.scopeOf(user));
    }

    @GetMapping("/{id}/children")
    List<OrganisationView> children(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        organisations.requireInScope(id, TreePath.scopeOf(user));
        return organisations.children(id);
    }

    record NewOrganisation(OrganisationKind kind, String name, String code) {
    }

    @PostMapping("/{id}/children")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    OrganisationView create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody NewOrganisation body) {
        if (body.kind() == null) {
            throw org.gonghui.shared.DomainException.invalid("organisation.import.unknown-kind", "");
        }
        return organisations.create(TreePath.scopeOf(user), id, body.kind(), body.name(), body.code());
    }

    record Rename(String name) {
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    OrganisationView rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Rename body) {
        return organisations.rename(TreePath.scopeOf(user), id, body.name());
    }

    record Move(long parentId) {
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    OrganisationView move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Move body) {
        return organisations.move(TreePath.scopeOf(user), id, body.parentId());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    OrganisationView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return organisations.close(TreePath.scopeOf(user), id);
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Operation(summary = "Import organisations from Excel: all rows or none; the answer lists every bad row")
    ResponseEntity<ImportReport> importSheet(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = importer.importSheet(TreePath.scopeOf(user), file);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
