package org.gonghui.modelworker.web;

import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The allowance part of a record's page (console and portal): the worker's months. */
@Component
class AllowancePanel {

    private final AllowanceLines lines;

    AllowancePanel(AllowanceLines lines) {
        this.lines = lines;
    }

    void addTo(Model model, ModelWorkerView worker) {
        model.addAttribute("lines", lines.ofWorker(worker.id()));
    }
}
