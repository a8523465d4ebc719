package org.gonghui.hardship.web;

import java.util.List;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The hardship tile on the member's home page: the latest archive's status (urgent when sent back), else "apply". */
@Component
class HardshipTiles implements ServiceTiles {

    private final HardshipApplications applications;

    HardshipTiles(HardshipApplications applications) {
        this.applications = applications;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        List<ArchiveView> own = applications.ownArchives(member.memberId());
        ServiceTile.Status line;
        if (own.isEmpty()) {
            line = ServiceTile.Status.of("hardship.tile.none");
        } else {
            ArchiveView latest = own.get(0);
            var status = new DefaultMessageSourceResolvable("hardship.status." + latest.status());
            line = latest.status().name().equals("RETURNED") ? ServiceTile.Status.urgent("hardship.tile.status", status)
                    : ServiceTile.Status.of("hardship.tile.status", status);
        }
        return List.of(new ServiceTile(65, "hardship", "/me/hardship", "heart", "hardship.tile", List.of(line)));
    }
}
