package org.gonghui.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field that may span lines (a description, a list of lines): it may hold line breaks and tabs,
 * and its default maximum length is {@value #DEFAULT_MAX} instead of {@value #SINGLE_LINE_MAX}. Every other
 * control character is refused in every text field; a jakarta {@code @Size(max = …)} on the field overrides the
 * default maximum. The rules are enforced when JSON bodies and form fields are bound, and shown in the API
 * description as {@code maxLength}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface MultiLine {

    /** Longest text a multi-line field takes unless it says otherwise. */
    int DEFAULT_MAX = 4000;

    /** Longest text a single-line field takes unless it says otherwise. */
    int SINGLE_LINE_MAX = 200;
}
