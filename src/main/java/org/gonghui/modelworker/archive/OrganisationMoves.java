package org.gonghui.modelworker.archive;

import org.gonghui.organisation.OrganisationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the copied organisation paths (the data scope of records and allowance lines) right when an organisation
 * moves with its subtree: in the move's own transaction, so no one ever sees a record under its old parent.
 */
@Component
class OrganisationMoves {

    private final JdbcClient jdbc;

    OrganisationMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrganisationMoved moved) {
        for (String table : new String[] {"model_worker", "model_allowance_line"}) {
            jdbc.sql("update " + table + " set org_path = :newPrefix || substring(org_path, :cut) where org_path like :old")
                    .param("newPrefix", moved.newPath()).param("cut", moved.oldPath().length() + 1)
                    .param("old", moved.oldPath() + "%").update();
        }
    }
}
