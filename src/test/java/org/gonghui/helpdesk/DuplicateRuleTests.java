package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateRuleTests {

    private static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");

    private static DuplicateRule.Earlier earlier(long id, RequestType type, String subtype, RequestStatus status, int daysAgo) {
        return new DuplicateRule.Earlier(id, type, subtype, status, NOW.minus(Duration.ofDays(daysAgo)));
    }

    @Test
    void anOpenRequestOfTheSameTypeAndSubtypeWithinTheWindowIsTheSameMatter() {
        List<DuplicateRule.Earlier> earlier = List.of(earlier(1, RequestType.COMPLAINT, "COMPLAINT_WAGES", RequestStatus.OPEN, 10));
        assertThat(DuplicateRule.openOne(earlier, RequestType.COMPLAINT, "COMPLAINT_WAGES", NOW, 30)).map(e -> e.id())
                .hasValue(1L);
    }

    @Test
    void aRequestWaitingForTheMemberIsStillOpen() {
        List<DuplicateRule.Earlier> earlier = List.of(
                earlier(2, RequestType.LEGAL_AID, "LEGAL_INJURY", RequestStatus.WAITING_MEMBER, 3));
        assertThat(DuplicateRule.openOne(earlier, RequestType.LEGAL_AID, "LEGAL_INJURY", NOW, 30)).isPresent();
    }

    @Test
    void anotherSubtypeAnotherTypeAClosedRequestOrOneOlderThanTheWindowIsNot() {
        List<DuplicateRule.Earlier> earlier = List.of(
                earlier(1, RequestType.COMPLAINT, "COMPLAINT_CONTRACT", RequestStatus.OPEN, 1),
                earlier(2, RequestType.LEGAL_AID, "COMPLAINT_WAGES", RequestStatus.OPEN, 1),
                earlier(3, RequestType.COMPLAINT, "COMPLAINT_WAGES", RequestStatus.CLOSED, 1),
                earlier(4, RequestType.COMPLAINT, "COMPLAINT_WAGES", RequestStatus.OPEN, 31));
        assertThat(DuplicateRule.openOne(earlier, RequestType.COMPLAINT, "COMPLAINT_WAGES", NOW, 30)).isEmpty();
    }

    @Test
    void theWindowIncludesItsLastDayAndTheMostRecentOpenRequestWins() {
        List<DuplicateRule.Earlier> earlier = List.of(
                earlier(1, RequestType.COMPLAINT, "COMPLAINT_WAGES", RequestStatus.OPEN, 30),
                earlier(2, RequestType.COMPLAINT, "COMPLAINT_WAGES", RequestStatus.OPEN, 5));
        assertThat(DuplicateRule.openOne(earlier, RequestType.COMPLAINT, "COMPLAINT_WAGES", NOW, 30)).map(e -> e.id())
                .hasValue(2L);
        assertThat(DuplicateRule.openOne(earlier.subList(0, 1), RequestType.COMPLAINT, "COMPLAINT_WAGES", NOW, 30))
                .isPresent();
        assertThat(DuplicateRule.openOne(earlier.subList(0, 1), RequestType.COMPLAINT, "COMPLAINT_WAGES", NOW, 29))
                .isEmpty();
    }
}
