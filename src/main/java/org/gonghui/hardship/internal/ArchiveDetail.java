package org.gonghui.hardship.internal;

import java.util.List;

/** An archive with its masked household, its steps and documents: the staff's detail page before a reveal. */
public record ArchiveDetail(ArchiveView archive, MaskedHousehold household, List<StepView> steps,
        List<DocumentView> documents) {
}
