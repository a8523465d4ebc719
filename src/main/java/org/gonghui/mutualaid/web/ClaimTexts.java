package org.gonghui.mutualaid.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.mutualaid.ClaimEventView;
import org.gonghui.mutualaid.Localised;
import org.gonghui.mutualaid.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Claim texts for the pages, in the reader's language ({@code ${@claimTexts.amount(c.amount())}}): amounts
 * as "3,000.00 元", and a timeline entry's stored detail with its document, status and disease codes named
 * and its amounts written out — so no page shows an internal code.
 */
@Component("claimTexts")
public class ClaimTexts {

    private static final Pattern TOKEN = Pattern.compile("\\b([A-Z][A-Z_]{2,})\\b|(?<![\\d.,])(-?\\d+\\.\\d{2})(?![\\d])");
    private static final String[] CODE_KINDS = {"mutualaid.doc.", "mutualaid.status.", "mutualaid.disease.",
        "mutualaid.project."};

    private final MessageSource messages;

    ClaimTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** "3,000.00 元"; empty for no amount. */
    public String amount(Money money) {
        return money == null ? "" : messages.getMessage(Localised.amount(money), LocaleContextHolder.getLocale());
    }

    /** A timeline entry's detail with codes and amounts localised; {@code null} stays {@code null}. */
    public String detail(ClaimEventView event) {
        return event.detail() == null ? null : localise(event.detail());
    }

    String localise(String text) {
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1) != null ? name(matcher.group(1))
                    : amount(Money.of(matcher.group(2)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String name(String code) {
        for (String kind : CODE_KINDS) {
            String name = messages.getMessage(kind + code, null, null, LocaleContextHolder.getLocale());
            if (name != null) {
                return name;
            }
        }
        return code;
    }
}
