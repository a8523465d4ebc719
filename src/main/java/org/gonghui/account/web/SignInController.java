package org.gonghui.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.gonghui.account.OneTimeCodes;
import org.gonghui.account.SignInThrottled;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.HomePage;
import org.gonghui.shared.security.DemoAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sign-in page: members by phone and password or by one-time code, staff by user name and password.
 * Password sign-in is Spring Security's form login; the code sign-in is handled here.
 */
@Controller
class SignInController {

    private final OneTimeCodes codes;
    private final SecurityContextRepository contexts;
    private final ObjectProvider<DemoAccounts> demo;
    private final MessageSource messages;

    SignInController(OneTimeCodes codes, SecurityContextRepository contexts, ObjectProvider<DemoAccounts> demo,
            MessageSource messages) {
        this.codes = codes;
        this.contexts = contexts;
        this.demo = demo;
        this.messages = messages;
    }

    @GetMapping("/login")
    String page(HttpSession session, Model model) {
        Object error = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (error instanceof AuthenticationException exception) {
            model.addAttribute("signinError", exception instanceof LockedException ? "signin.locked"
                    : exception instanceof DisabledException ? "signin.disabled" : "signin.failed");
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("demoAccounts", demoAccounts());
        return "account/login";
    }

    /** Sends a code (htmx); answers with a line of text for the form. */
    @PostMapping(value = "/login/code/send", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String sendCode(@RequestParam(defaultValue = "") String phone, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            codes.send(phone, request.getRemoteAddr());
            return message("signin.code.sent");
        } catch (SignInThrottled e) {
            tooMany(response, e);
            return messages.getMessage("signin.code.throttled", new Object[] {e.retryAfterMinutes()},
                    LocaleContextHolder.getLocale());
        } catch (DomainException e) {
            response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 429 : 400);
            return messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale());
        }
    }

    @PostMapping("/login/code")
    String signInWithCode(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentUser user;
        try {
            user = codes.verify(phone, code, request.getRemoteAddr());
        } catch (SignInThrottled e) {
            tooMany(response, e);
            return codeError(model, phone, messages.getMessage("signin.code.throttled",
                    new Object[] {e.retryAfterMinutes()}, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            response.setStatus(400);
            return codeError(model, phone, messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
        }
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + HomePage.of(user); // the member's home page
    }

    private String codeError(Model model, String phone, String error) {
        model.addAttribute("codeError", error);
        model.addAttribute("phone", phone);
        model.addAttribute("demoAccounts", demoAccounts());
        return "account/login";
    }

    /**
     * A password sign-in refused by the throttle, forwarded here by {@link SignInFailures}: the sign-in page again,
     * with {@code 429} and the wait. Asked for directly, it is just the sign-in page.
     */
    @RequestMapping(SignInFailures.THROTTLED)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(SignInFailures.THROTTLED) instanceof SignInThrottled e)) {
            return "redirect:/login";
        }
        tooMany(response, e);
        model.addAttribute("signinError", "signin.throttled");
        model.addAttribute("retryMinutes", e.retryAfterMinutes());
        model.addAttribute("demoAccounts", demoAccounts());
        return "account/login";
    }

    private static void tooMany(HttpServletResponse response, SignInThrottled e) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }

    /** Every module's demo accounts (staff and members first, then merchants), none outside demo mode. */
    private List<DemoAccounts.DemoAccount> demoAccounts() {
        return demo.orderedStream().flatMap(accounts -> accounts.accounts().stream()).toList();
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}
