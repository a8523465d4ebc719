package org.gonghui.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An article's body as stored and shown: the editor's HTML cleaned by jsoup's {@link Safelist} — paragraphs, headings,
 * lists, tables, emphasis, links (http, https, mailto and the platform's own paths such as {@code /news/12}) and images
 * (https or own paths). Scripts, {@code on*} handlers, {@code style}, {@code javascript:} URLs, frames and forms never
 * survive, so the page can show the body unescaped. Cleaned when saved and again when shown.
 */
public final class RichText {

    /** Relative links are resolved against this and written back relative. */
    private static final String BASE = "https://gonghui.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(true);

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    /** The HTML with everything outside the safelist removed. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String cleaned = Jsoup.clean(html, BASE, SAFELIST, OUTPUT);
        return cleaned.replace(BASE, "/");
    }

    /** The text of the HTML without any markup (search, message texts, summaries). */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
