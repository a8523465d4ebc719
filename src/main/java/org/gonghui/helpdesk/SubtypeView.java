package org.gonghui.helpdesk;

import java.util.List;
import java.util.Locale;

/** A sub-type of a request type (configuration) with the extra fields its form asks for. */
public record SubtypeView(String code, RequestType type, String labelZh, String labelEn, List<FormField> fields) {

    public SubtypeView {
        fields = List.copyOf(fields);
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
