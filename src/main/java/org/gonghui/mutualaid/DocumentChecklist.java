package org.gonghui.mutualaid;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which documents a claim needs (材料清单): by the plan's kind, plus whatever reviewers asked for in open
 * document requests. The member sees what is still missing before submitting and after each request.
 */
public final class DocumentChecklist {

    private static final List<DocumentType> INPATIENT = List.of(DocumentType.ID_CARD, DocumentType.BANK_CARD,
            DocumentType.SETTLEMENT_SHEET, DocumentType.DISCHARGE_RECORD, DocumentType.INVOICE);
    private static final List<DocumentType> SPECIAL_DISEASE = List.of(DocumentType.ID_CARD, DocumentType.BANK_CARD,
            DocumentType.DISCHARGE_RECORD, DocumentType.PATHOLOGY_REPORT, DocumentType.EMPLOYER_CERTIFICATE);

    private DocumentChecklist() {
    }

    public static List<DocumentType> required(BenefitKind kind) {
        return kind == BenefitKind.INPATIENT ? INPATIENT : SPECIAL_DISEASE;
    }

    /** Required and requested documents not uploaded yet, in checklist order. */
    public static List<DocumentType> missing(BenefitKind kind, Collection<DocumentType> uploaded,
            Collection<DocumentType> requested) {
        Set<DocumentType> needed = new LinkedHashSet<>(required(kind));
        needed.addAll(requested);
        Set<DocumentType> have = uploaded.isEmpty() ? EnumSet.noneOf(DocumentType.class) : EnumSet.copyOf(uploaded);
        return needed.stream().filter(type -> !have.contains(type)).toList();
    }
}
