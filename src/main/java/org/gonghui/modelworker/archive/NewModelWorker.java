package org.gonghui.modelworker.archive;

import java.time.LocalDate;
import org.gonghui.member.IdNumber;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.shared.DomainException;

/**
 * A model worker as staff enter them: who (name, ID number), the title and its level and year, sector and employer,
 * the organisation keeping the record, and the day the honour allowance starts.
 */
public record NewModelWorker(String name, String idNumber, Long orgId, String title, ModelWorkerLevel level,
        Integer titleYear, String sector, String employer, LocalDate allowanceFrom) {

    public NewModelWorker {
        name = text(name, 50, "name");
        title = text(title, 100, "title");
        sector = text(sector, 50, "sector");
        employer = text(employer, 100, "employer");
        idNumber = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (!IdNumber.isValid(idNumber)) {
            throw DomainException.invalid("modelworker.id-number.invalid");
        }
        if (orgId == null) {
            throw DomainException.invalid("modelworker.field.required", "org");
        }
        if (level == null) {
            throw DomainException.invalid("modelworker.field.required", "level");
        }
        if (titleYear == null || titleYear < 1950 || titleYear > 2100) {
            throw DomainException.invalid("modelworker.title-year.invalid");
        }
        if (allowanceFrom == null || allowanceFrom.getYear() < 1950 || allowanceFrom.getYear() > 2100) {
            throw DomainException.invalid("modelworker.allowance-from.invalid");
        }
    }

    private static String text(String value, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw DomainException.invalid("modelworker.field.required", field);
        }
        if (v.length() > max) {
            throw DomainException.invalid("modelworker.field.too-long", field, max);
        }
        return v;
    }
}
