package org.gonghui.shared.web;

import org.gonghui.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post-redirect-get step of console forms: run the action, flash "saved" or the localised reason it was
 * refused, and redirect. A record outside the user's scope stays a "not found" page, not a flash message.
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
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e.code(), e.args()));
        }
        return "redirect:" + redirectTo;
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
