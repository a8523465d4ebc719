package org.gonghui.helpdesk;

import java.util.List;
import java.util.Locale;

/**
 * An extra field of a sub-type's form (configuration): its key in the answers, kind, labels in Chinese and English,
 * whether it must be answered, its longest text and, for a choice, the values offered (their labels are messages
 * {@code helpdesk.choice.<value>}).
 */
public record FormField(String key, FieldKind kind, String labelZh, String labelEn, boolean required, Integer maxLength,
        List<String> choices) {

    public FormField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /** The longest answer this field takes. */
    public int maxAnswerLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return kind == FieldKind.MULTILINE ? 2000 : 200;
    }
}
