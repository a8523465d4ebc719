package org.gonghui.myunion.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.gonghui.myunion.MemberRecord;
import org.gonghui.myunion.MemberRecordView;
import org.gonghui.myunion.RecordKind;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 我的工会 on the portal: the signed-in member's own record for a year, the headline, totals and entries. */
@Controller
class MemberRecordController {

    private final MemberRecord record;
    private final RecordTexts texts;
    private final PlatformTime time;

    MemberRecordController(MemberRecord record, RecordTexts texts, PlatformTime time) {
        this.record = record;
        this.texts = texts;
        this.time = time;
    }

    /** An entry as the page shows it. */
    record Line(String date, RecordKind kind, String text, String yuan) {
    }

    @GetMapping("/me/record")
    String own(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        long memberId = memberOf(user);
        MemberRecordView view = record.of(memberId, year == null ? time.today().getYear() : year, page,
                MemberRecord.PAGE_SIZE);
        List<Line> lines = view.entries().items().stream().map(e -> new Line(time.dateTime(e.occurredAt()), e.kind(),
                texts.text(e, locale), RecordTexts.yuan(e.amountFen()))).toList();
        model.addAttribute("record", view);
        model.addAttribute("given", RecordTexts.yuan(view.givenFen()));
        model.addAttribute("totals", view.totals().stream()
                .map(t -> new Total(t.kind(), t.count(), RecordTexts.yuan(t.amountFen()))).toList());
        model.addAttribute("lines", lines);
        model.addAttribute("counts", new long[] {view.count(RecordKind.ACTIVITY_ATTENDED),
                view.count(RecordKind.WELFARE_CLAIMED),
                view.count(RecordKind.HELP_REQUESTED)});
        model.addAttribute("years", IntStream.rangeClosed(view.firstYear(), view.currentYear()).boxed()
                .sorted((a, b) -> b - a).toList());
        return "myunion/record";
    }

    /** A year's total as the page shows it. */
    record Total(RecordKind kind, long count, String yuan) {
    }

    static long memberOf(CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }
}
