package org.gonghui.modelworker.web;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.modelworker.allowance.AllowanceLineView;
import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.stereotype.Component;

/** The model worker's home-page tile: the latest allowance month, and an urgent line when the attestation is due. */
@Component
class ModelWorkerTiles implements ServiceTiles {

    private final ModelWorkerArchive archive;
    private final AllowanceLines lines;
    private final PlatformTime time;

    ModelWorkerTiles(ModelWorkerArchive archive, AllowanceLines lines, PlatformTime time) {
        this.archive = archive;
        this.lines = lines;
        this.time = time;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        return archive.ofMember(member.memberId()).map(worker -> List.of(new ServiceTile(60, "model-worker",
                "/me/model-worker", "medal", "portal.tile.model-worker", statusOf(worker)))).orElse(List.of());
    }

    private List<Status> statusOf(ModelWorkerView worker) {
        List<Status> status = new ArrayList<>();
        if (worker.attestationDueBy(time.today().plusDays(30))) {
            status.add(Status.urgent("portal.tile.model-worker.attest", worker.attestedUntil().toString()));
        }
        List<AllowanceLineView> months = lines.ofWorker(worker.id());
        status.add(months.isEmpty() ? Status.of("portal.tile.model-worker.text")
                : Status.of("portal.tile.model-worker.last", months.get(0).month().toString(),
                        months.get(0).amount().toPlainString()));
        return status;
    }
}
