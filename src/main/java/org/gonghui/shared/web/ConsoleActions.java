package org.gonghui.shared.web;

import org.gonghui.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page turns a refused action into something to show: the post-redirect-get step of console forms
 * (run the action, flash "saved" or the localised reason, redirect) and {@link #reason} for forms that show the
 * reason themselves. A record outside the user's scope is never a message: it stays a "not found" (404) answer,
 * exactly as when the user opens its page, so an action cannot tell more than the page does.
 */
@Component
public class ConsoleActions {

    private final MessageSource messages;

    ConsoleActions(MessageSource messages) {
        this.messages = messages;
    }

    public String run(RedirectAttributes redirect, String redirectTo, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", message("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return "redirect:" + redirectTo;
    }

    /**
     * The localised reason an action was refused, to show on the page.
     *
     * @throws DomainException the refusal itself when it is a "not found": out of scope answers 404, not a message
     */
    public String reason(DomainException refusal) {
        if (refusal.kind() == DomainException.Kind.NOT_FOUND) {
            throw refusal;
        }
        return messages.getMessage(refusal.code(), refusal.args(), refusal.code(), LocaleContextHolder.getLocale());
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
