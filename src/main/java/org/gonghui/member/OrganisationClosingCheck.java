package org.gonghui.member;

import org.gonghui.organisation.OrganisationClosing;
import org.gonghui.shared.DomainException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refuses to close an organisation that still has active members: they must be transferred first. */
@Component
class OrganisationClosingCheck {

    private final JdbcClient jdbc;

    OrganisationClosingCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrganisationClosing event) {
        Long active = jdbc.sql("select count(*) from member where org_id = :id and status = 'ACTIVE'")
                .param("id", event.organisationId()).query(Long.class).single();
        if (active > 0) {
            throw DomainException.conflict("organisation.close.has-members", active);
        }
    }
}
