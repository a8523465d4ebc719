package org.gonghui.helpdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to a sub-type's extra fields as a page posts them: every sub-type's fields are on the page (the script
 * shows only the chosen one's), each named {@code answer.<SUBTYPE>.<key>}, so only the chosen sub-type's answers
 * are kept, whatever else the page sent. The service checks them against the form's configuration.
 */
final class FormAnswerParams {

    static final String PREFIX = "answer.";

    private FormAnswerParams() {
    }

    static Map<String, String> of(String subtype, Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (subtype == null || subtype.isBlank()) {
            return answers;
        }
        String prefix = PREFIX + subtype.trim() + ".";
        params.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != null && !value.isBlank()) {
                answers.put(name.substring(prefix.length()), value);
            }
        });
        return answers;
    }
}
