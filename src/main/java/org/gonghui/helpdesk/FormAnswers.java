package org.gonghui.helpdesk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gonghui.shared.DomainException;

/**
 * The answers to a sub-type's extra fields, checked against its configuration: every required field answered, no
 * field the form does not have, each answer of its field's kind (a number, a date between 1900 and 2100, one of the
 * choices) and not longer than the field allows. Answers are kept trimmed, empty ones dropped.
 */
final class FormAnswers {

    private FormAnswers() {
    }

    static Map<String, String> check(SubtypeView subtype, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        for (String key : given.keySet()) {
            if (subtype.fields().stream().noneMatch(f -> f.key().equals(key))) {
                throw DomainException.invalid("helpdesk.form.unknown-field", key);
            }
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (FormField field : subtype.fields()) {
            String value = given.get(field.key());
            value = value == null ? null : value.trim();
            if (value == null || value.isEmpty()) {
                if (field.required()) {
                    throw DomainException.invalid("helpdesk.form.required", field.labelZh(), field.labelEn());
                }
                continue;
            }
            if (value.length() > field.maxAnswerLength()) {
                throw DomainException.invalid("helpdesk.form.too-long", field.labelZh(), field.labelEn(), field.maxAnswerLength());
            }
            if (field.kind() != FieldKind.MULTILINE && value.chars().anyMatch(Character::isISOControl)) {
                throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
            }
            switch (field.kind()) {
                case NUMBER -> {
                    try {
                        BigDecimal number = new BigDecimal(value);
                        if (number.signum() < 0 || number.compareTo(new BigDecimal("1000000000000")) >= 0) {
                            throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
                        }
                    } catch (NumberFormatException e) {
                        throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
                    }
                }
                case DATE -> {
                    try {
                        LocalDate date = LocalDate.parse(value);
                        if (date.getYear() < 1900 || date.getYear() > 2100) {
                            throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
                        }
                    } catch (DateTimeParseException e) {
                        throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
                    }
                }
                case CHOICE -> {
                    if (!field.choices().contains(value)) {
                        throw DomainException.invalid("helpdesk.form.invalid", field.labelZh(), field.labelEn());
                    }
                }
                default -> {
                }
            }
            kept.put(field.key(), value);
        }
        return kept;
    }
}
