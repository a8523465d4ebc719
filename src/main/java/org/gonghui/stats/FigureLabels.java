package org.gonghui.stats;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The labels of figures ({@code figure.<key>}) and sections ({@code figure.section.<section>}) from the message
 * bundles; a figure whose module has no label yet shows its key, so a new source never breaks a page.
 */
@Component("figureLabels")
public class FigureLabels {

    private final MessageSource messages;

    FigureLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String figure(String key, Locale locale) {
        return messages.getMessage("figure." + key, null, key, locale);
    }

    public String section(String section, Locale locale) {
        return messages.getMessage("figure.section." + section, null, section, locale);
    }
}
