package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

@IntegrationTest
class ClaimIntegrationTests {

    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Claims claims;
    @Autowired
    ClaimReview review;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Fund fund;

    @Test
    void computesTheWorkedExampleWithExplanation() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);

        ClaimView claim = scenario.submitComplete(member, "6000");

        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.computedAmount()).isEqualTo(Money.of(2900));
        assertThat(claim.explanation()).extracting(ExplanationLine::code)
                .containsExactly("below-threshold", "above-threshold", "first-stay", "total");
        ClaimView second = scenario.submit(member, "6000");
        CurrentUser reviewer = scenario.admin();
        review.accept(reviewer, claim.id(), null);
        review.approve(reviewer, claim.id(), null);
        ClaimView recomputed = review.accept(reviewer, second.id(), null);
        assertThat(recomputed.computedAmount()).as("first-stay subsidy already granted this year")
                .isEqualTo(Money.of(2700));
    }

    @Autowired
    ClaimBatches batches;
    @Autowired
    org.gonghui.account.LoggingSmsSender sms;

    @Test
    void approvesABatchWithTheSameRulesAsOneByOne() {
        List<MemberView> staff = scenario.enrolledStaff("NB-HS-T01", 2);
        MemberView a = staff.get(0);
        MemberView b = staff.get(1);
        List<ClaimView> submitted = List.of(scenario.submitComplete(a, "6000"), scenario.submitComplete(a, "6000"),
                scenario.submitComplete(a, "1000"), scenario.submitComplete(b, "60000"));
        CurrentUser unitReviewer = org.gonghui.support.Fixtures.staffAt(
                scenario.organisations.find(a.orgId()).orElseThrow(), org.gonghui.shared.security.Role.REVIEWER);
        submitted.forEach(c -> review.accept(unitReviewer, c.id(), null));
        Money incomeBefore = fund.balances(ReferenceRules.INPATIENT, scenario.year()).get(FundAccount.BENEFITS);

        BatchApproval result = batches.approveUnderReview(unitReviewer, ReferenceRules.INPATIENT, scenario.year());

        assertThat(result.considered()).isEqualTo(4);
        assertThat(result.approved()).isEqualTo(3);
        assertThat(result.awaitingSecond()).isEqualTo(1);
        assertThat(result.approvedTotal()).isEqualTo(Money.of(2900 + 2700 + 800));
        List<ClaimStatus> statuses = submitted.stream()
                .map(c -> claims.details(unitReviewer, c.id()).claim().status()).toList();
        assertThat(statuses).containsExactly(ClaimStatus.APPROVED, ClaimStatus.APPROVED, ClaimStatus.APPROVED,
                ClaimStatus.AWAITING_SECOND_APPROVAL);
        assertThat(fund.balances(ReferenceRules.INPATIENT, scenario.year()).get(FundAccount.BENEFITS))
                .isEqualTo(incomeBefore.plus(Money.of(6400)));
        assertThat(fund.unbalancedTransactions()).isZero();
        assertThat(batches.approveUnderReview(unitReviewer, ReferenceRules.INPATIENT, scenario.year()).considered()).isZero();
    }

    @Test
    void refusesIllegalMoves() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submit(member, "1000");
        CurrentUser reviewer = scenario.admin();

        assertThatThrownBy(() -> review.approve(reviewer, claim.id(), null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("mutualaid.claim.illegal-move");
        review.accept(reviewer, claim.id(), null);
        assertThatThrownBy(() -> review.accept(reviewer, claim.id(), null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("illegal-move");
        assertThatThrownBy(() -> review.reject(reviewer, claim.id(), null, " ")).isInstanceOf(DomainException.class)
                .hasMessageContaining("reason-required");
        review.reject(reviewer, claim.id(), null, "非住院费用");
        assertThatThrownBy(() -> review.approve(reviewer, claim.id(), null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("illegal-move");
        assertThatThrownBy(() -> claims.answerDocumentRequest(MutualAidScenario.self(member), claim.id()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void adjustmentNeedsWrittenReason() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submitComplete(member, "1000");
        CurrentUser reviewer = scenario.admin();
        review.accept(reviewer, claim.id(), null);

        assertThatThrownBy(() -> review.adjust(reviewer, claim.id(), null, Money.of(500), ""))
                .isInstanceOf(DomainException.class).hasMessageContaining("reason-required");
        ClaimView adjusted = review.adjust(reviewer, claim.id(), null, Money.of(500), "发票含自费药品，按票据核减");
        ClaimView approved = review.approve(reviewer, claim.id(), null);

        assertThat(adjusted.computedAmount()).isEqualTo(Money.of(1000));
        assertThat(approved.amount()).isEqualTo(Money.of(500));
        assertThat(approved.adjustmentReason()).contains("核减");
    }

    @Test
    void largeApprovalNeedsSecondDifferentReviewer() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submitComplete(member, "60000");
        CurrentUser maker = scenario.reviewer("NB-HS");
        CurrentUser checker = scenario.admin();
        review.accept(maker, claim.id(), null);

        ClaimView first = review.approve(maker, claim.id(), null);
        assertThat(first.amount()).isEqualTo(Money.of(8300));
        assertThat(first.status()).isEqualTo(ClaimStatus.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> review.approve(maker, claim.id(), null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("same-reviewer");
        ClaimView second = review.approve(checker, claim.id(), null);

        assertThat(second.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(second.firstApprover()).isEqualTo(maker.getUsername());
        assertThat(second.secondApprover()).isEqualTo(checker.getUsername());
    }

    @Test
    void ofTwoReviewersApprovingAtOnceOneWins() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submitComplete(member, "2000");
        ClaimView accepted = review.accept(scenario.admin(), claim.id(), null);
        List<CurrentUser> reviewers = List.of(scenario.admin(), scenario.reviewer("NB-HS"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ClaimView>> results = new ArrayList<>();
        for (CurrentUser reviewer : reviewers) {
            Callable<ClaimView> approve = () -> {
                start.await();
                return review.approve(reviewer, claim.id(), accepted.version());
            };
            results.add(pool.submit(approve));
        }
        start.countDown();
        int won = 0;
        int lost = 0;
        for (Future<ClaimView> result : results) {
            try {
                result.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(OptimisticLockingFailureException.class, DomainException.class);
                lost++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(lost).isEqualTo(1);
        assertThat(claims.details(scenario.admin(), claim.id()).timeline()).extracting(ClaimEventView::kind)
                .containsOnlyOnce("approved");
    }

    @Test
    void catchesDuplicateInvoiceAndExplainsIt() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimForm form = scenario.stay("1000");
        ClaimView first = claims.submit(MutualAidScenario.self(member), member.id(), form);

        assertThatThrownBy(() -> claims.submit(MutualAidScenario.self(member), member.id(), form))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException d = (DomainException) e;
                    assertThat(d.code()).isEqualTo("mutualaid.claim.duplicate-invoice");
                    assertThat(d.args()).contains(first.claimNo());
                });
    }

    @Test
    void refusesClaimWithoutEnrolmentAndWithinWaitingPeriod() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        MemberView outsider = scenario.hire(unit, 1, MemberType.IN_SERVICE).get(0);
        MemberView retiree = scenario.hire(unit, 1, MemberType.RETIRED).get(0);
        enrolments.enrolSelf(MutualAidScenario.self(retiree), ReferenceRules.RETIREE, scenario.year(), 1, true, "P",
                PlatformZone.today());
        ClaimForm stay = scenario.stay("3000");
        ClaimForm retireeStay = new ClaimForm(ReferenceRules.RETIREE, stay.hospital(), PlatformZone.today(), PlatformZone.today(),
                stay.diagnosis(), null, stay.totalCost(), stay.insurancePaid(), stay.selfPaid(), stay.invoiceNo());

        assertThatThrownBy(() -> claims.submit(MutualAidScenario.self(outsider), outsider.id(), scenario.stay("100")))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.claim.not-enrolled");
        assertThatThrownBy(() -> claims.submit(MutualAidScenario.self(retiree), retiree.id(), retireeStay))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.rule.waiting-period");
    }

    @Test
    void keepsEveryRoundOfDocumentRequests() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser self = MutualAidScenario.self(member);
        ClaimView claim = scenario.submit(member, "1000");
        assertThat(claims.details(self, claim.id()).missing()).containsExactly(DocumentType.ID_CARD,
                DocumentType.BANK_CARD, DocumentType.SETTLEMENT_SHEET, DocumentType.DISCHARGE_RECORD, DocumentType.INVOICE);
        for (DocumentType type : DocumentChecklist.required(BenefitKind.INPATIENT)) {
            claims.upload(self, claim.id(), type, BytesFile.png(type + ".png"));
        }
        CurrentUser reviewer = scenario.admin();
        review.accept(reviewer, claim.id(), null);
        review.requestDocuments(reviewer, claim.id(), null, List.of(DocumentType.EXPENSE_LIST), "请补交费用清单", null);

        assertThat(claims.details(self, claim.id()).missing()).containsExactly(DocumentType.EXPENSE_LIST);
        assertThatThrownBy(() -> claims.answerDocumentRequest(self, claim.id())).isInstanceOf(DomainException.class)
                .hasMessageContaining("documents-missing");
        claims.upload(self, claim.id(), DocumentType.EXPENSE_LIST, BytesFile.png("list.png"));
        claims.answerDocumentRequest(self, claim.id());
        review.requestDocuments(reviewer, claim.id(), null, List.of(DocumentType.DISCHARGE_RECORD), "出院小结不清晰",
                PlatformZone.today().plusDays(7));

        ClaimDetails details = claims.details(self, claim.id());
        assertThat(details.requests()).hasSize(2);
        assertThat(details.requests().get(0).answeredAt()).isNotNull();
        assertThat(details.openRequest().round()).isEqualTo(2);
        assertThat(details.openRequest().deadline()).isEqualTo(PlatformZone.today().plusDays(7));
        assertThat(details.missing()).containsExactly(DocumentType.DISCHARGE_RECORD);
        String phone = scenario.members.revealOwn(member.id(), org.gonghui.member.PersonalField.PHONE);
        assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(claim.claimNo(), "出院记录"));
        assertThat(details.timeline()).extracting(ClaimEventView::kind).containsSubsequence("submitted", "accepted",
                "documents-requested", "documents-provided", "documents-requested");
    }

    @Test
    void refusesBadUploadsClearly() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser self = MutualAidScenario.self(member);
        ClaimView claim = scenario.submit(member, "1000");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        byte[] big = new byte[9 * 1024 * 1024];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';

        assertThatThrownBy(() -> claims.upload(self, claim.id(), DocumentType.INVOICE,
                new BytesFile("invoice.pdf", "application/pdf", exe)))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.document.unsupported");
        assertThatThrownBy(() -> claims.upload(self, claim.id(), DocumentType.INVOICE,
                new BytesFile("empty.pdf", "application/pdf", new byte[0])))
                .isInstanceOf(DomainException.class).hasMessageContaining("upload.empty");
        assertThatThrownBy(() -> claims.upload(self, claim.id(), DocumentType.INVOICE,
                new BytesFile("huge.pdf", "application/pdf", big)))
                .isInstanceOf(DomainException.class).hasMessageContaining("upload.too-large");
        assertThat(claims.details(self, claim.id()).documents()).isEmpty();
    }
}
