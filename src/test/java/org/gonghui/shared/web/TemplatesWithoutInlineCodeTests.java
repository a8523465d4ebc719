package org.gonghui.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy ({@link SecurityHeaders#PAGE_POLICY}) runs no inline script and applies no inline
 * style: no template may hold a {@code <script>} without {@code src}, an {@code on…=} handler, a
 * {@code javascript:} URL or a {@code style} attribute (Thymeleaf's {@code th:on…}/{@code th:style} and htmx's
 * {@code hx-on} included). Code goes to {@code static/js}, styles to {@code static/css/gonghui.css}.
 */
class TemplatesWithoutInlineCodeTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\shx-on", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<style[\\s>]", Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateHoldsInlineScriptHandlersOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                for (Pattern pattern : FORBIDDEN) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        found.add(TEMPLATES.relativize(file) + ": " + matcher.group().trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
