package org.gonghui.myunion.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.gonghui.myunion.MemberRecord;
import org.gonghui.myunion.MemberRecordView;
import org.gonghui.myunion.RecordKind;
import org.gonghui.myunion.YearTotal;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 我的工会 for the app: the signed-in member's own record for a year. */
@RestController
@Tag(name = "My union", description = "我的工会: what the union did for the signed-in member, by year")
@SecurityRequirement(name = "bearer")
class MemberRecordApiController {

    private final MemberRecord record;
    private final RecordTexts texts;
    private final PlatformTime time;

    MemberRecordApiController(MemberRecord record, RecordTexts texts, PlatformTime time) {
        this.record = record;
        this.texts = texts;
        this.time = time;
    }

    /** An entry: amounts in fen (null when no money), {@code text} in the request's language. */
    record Entry(long id, java.time.Instant occurredAt, RecordKind kind, Long amountFen, String text) {
    }

    /** The year's record: money given in fen, totals per kind, one page of entries newest first. */
    record YearRecord(int year, long givenFen, List<YearTotal> totals, PageResult<Entry> entries, int firstYear) {
    }

    @GetMapping("/api/v1/me/record")
    @Operation(summary = "The signed-in member's record for a year (default this year): totals and entries, newest first")
    YearRecord mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        long memberId = MemberRecordController.memberOf(user);
        MemberRecordView view = record.of(memberId, year == null ? time.today().getYear() : year, page, size);
        return new YearRecord(view.year(), view.givenFen(), view.totals(), view.entries().map(e -> new Entry(e.id(),
                e.occurredAt(), e.kind(), e.amountFen(), texts.text(e, locale))), view.firstYear());
    }
}
