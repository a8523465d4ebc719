package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under docs/ have no dead links: every relative link (and image) points at a file of
 * the repository, every {@code #anchor} at a heading of its page, and every page named in the text exists.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern PAGE_NAMED = Pattern.compile("[\\w./-]*[\\w-]+\\.md\\b");

    @Test
    void everyLinkAndEveryPageNamedInTheDocumentationExists() throws IOException {
        List<String> dead = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: outside the repository
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + ": " + target);
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(anchor)) {
                    dead.add(page + ": " + target + " (no such heading)");
                }
            }
            Matcher named = PAGE_NAMED.matcher(text.replaceAll("\\]\\([^)]*\\)", "]"));
            while (named.find()) {
                String name = named.group();
                if (!Files.exists(page.getParent().resolve(name)) && !Files.exists(Path.of(name))) {
                    dead.add(page + ": names " + name);
                }
            }
        }
        assertThat(dead).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md").toAbsolutePath()));
        try (Stream<Path> docs = Files.list(Path.of("docs").toAbsolutePath())) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchors: headings lower-cased, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
