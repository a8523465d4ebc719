package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gonghui.mutualaid.NextStep.Kind;
import org.gonghui.shared.web.ServiceTile.Status;
import org.junit.jupiter.api.Test;

/** What the member is told to do next on a claim, and the home page's mutual-aid tile. */
class NextStepTests {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 20);
    private static final DocumentRequestView REQUEST = new DocumentRequestView(1, 1, List.of(DocumentType.DISCHARGE_RECORD),
            "请补交出院小结", DEADLINE, "haishu", Instant.parse("2026-06-05T02:00:00Z"), null);

    @Test
    void awaitingDocumentsNamesTheMissingDocumentsAndTheDeadline() {
        NextStep step = NextStep.of(ClaimStatus.AWAITING_DOCUMENTS, List.of(DocumentType.DISCHARGE_RECORD), REQUEST, null,
                null, null);
        assertThat(step.kind()).isEqualTo(Kind.SEND_REQUESTED);
        assertThat(step.documents()).containsExactly(DocumentType.DISCHARGE_RECORD);
        assertThat(step.date()).isEqualTo(DEADLINE);
        assertThat(step.memberActs()).isTrue();
        assertThat(step.messageCode()).isEqualTo("mutualaid.next.SEND_REQUESTED");
    }

    @Test
    void awaitingDocumentsWithEverythingUploadedAsksTheMemberToSaySo() {
        assertThat(NextStep.of(ClaimStatus.AWAITING_DOCUMENTS, List.of(), REQUEST, null, null, null).kind())
                .isEqualTo(Kind.CONFIRM_DOCUMENTS);
    }

    @Test
    void aClaimInReviewAsksForMissingChecklistDocumentsElseNothing() {
        NextStep missing = NextStep.of(ClaimStatus.SUBMITTED, List.of(DocumentType.INVOICE), null, null, null, null);
        assertThat(missing.kind()).isEqualTo(Kind.UPLOAD_MISSING);
        assertThat(missing.memberActs()).isTrue();
        NextStep complete = NextStep.of(ClaimStatus.UNDER_REVIEW, List.of(), null, null, null, null);
        assertThat(complete.kind()).isEqualTo(Kind.WAIT_REVIEW);
        assertThat(complete.memberActs()).isFalse();
    }

    @Test
    void decidedClaimsSayWhenTheMoneyComesOrCameOrWhyNot() {
        LocalDate by = LocalDate.of(2026, 7, 1);
        NextStep approved = NextStep.of(ClaimStatus.APPROVED, List.of(DocumentType.OTHER), null, by, null, null);
        assertThat(approved.kind()).isEqualTo(Kind.WAIT_PAYMENT);
        assertThat(approved.documents()).isEmpty();
        assertThat(approved.date()).isEqualTo(by);
        NextStep paid = NextStep.of(ClaimStatus.PAID, List.of(), null, by, LocalDate.of(2026, 6, 28), null);
        assertThat(paid.date()).isEqualTo(LocalDate.of(2026, 6, 28));
        assertThat(paid.messageCode()).isEqualTo("mutualaid.next.PAID");
        assertThat(NextStep.of(ClaimStatus.PAID, List.of(), null, null, null, null).messageCode())
                .isEqualTo("mutualaid.next.PAID.no-date");
        NextStep rejected = NextStep.of(ClaimStatus.REJECTED, List.of(), null, null, null, "不在保障期内");
        assertThat(rejected.reason()).isEqualTo("不在保障期内");
        assertThat(NextStep.of(ClaimStatus.PAYMENT_FAILED, List.of(), null, null, null, null).memberActs()).isTrue();
    }

    @Test
    void everyStatusHasANextStepWithTextInBothLanguages() throws Exception {
        var zh = MessagesTests.load("mutualaid.properties");
        var en = MessagesTests.load("mutualaid_en.properties");
        for (ClaimStatus status : ClaimStatus.values()) {
            for (List<DocumentType> missing : List.of(List.<DocumentType>of(), List.of(DocumentType.INVOICE))) {
                for (LocalDate date : java.util.Arrays.asList(null, DEADLINE)) {
                    String code = NextStep.of(status, missing, REQUEST, date, date, "x").messageCode();
                    assertThat(zh.getProperty(code)).as(code).isNotBlank();
                    assertThat(en.getProperty(code)).as(code).isNotBlank();
                }
            }
        }
    }

    @Test
    void theHomeTileLeadsWithClaimsWaitingForDocuments() {
        CoverYear year = new CoverYear(2026);
        List<Status> lines = MutualAidTiles.lines(Map.of(ClaimStatus.AWAITING_DOCUMENTS, 1L, ClaimStatus.UNDER_REVIEW, 2L,
                ClaimStatus.PAID, 3L), 1, year);
        assertThat(lines).extracting(Status::code).containsExactly("portal.tile.mutual-aid.documents",
                "portal.tile.mutual-aid.in-review", "portal.tile.mutual-aid.covered");
        assertThat(lines.get(0).urgent()).isTrue();
        assertThat(lines.get(0).args()).containsExactly(1L);
        assertThat(MutualAidTiles.lines(Map.of(), 0, year)).extracting(Status::code)
                .containsExactly("portal.tile.mutual-aid.not-covered");
    }
}
