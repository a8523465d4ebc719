package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

/** Places split by organisation: own quota first, then the common pool; other quotas only once released. */
class ActivityPlacesTests {

    static final String HAISHU = "/1/3/";
    static final String JIANGBEI = "/1/4/";
    static final String YINZHOU = "/1/5/";
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant RELEASE = NOW.plusSeconds(3600);

    /** 10 places: Haishu 1..3, Jiangbei 4..5, common 6..10. */
    static QuotaPlan plan(Instant releaseAt) {
        return new QuotaPlan(List.of(new PlaceQuota(3, HAISHU, "海曙", 1, 3), new PlaceQuota(4, JIANGBEI, "江北", 4, 2)),
                releaseAt);
    }

    @Test
    void aMemberTakesTheirOwnQuotaFirstThenTheCommonPool() {
        ActivityPlaces places = new ActivityPlaces(10, plan(RELEASE), List.of());
        List<Integer> haishu = takeAll(places, HAISHU + "27/", NOW);
        assertThat(haishu).containsExactly(1, 2, 3, 6, 7, 8, 9, 10);
        assertThat(places.isFullFor(HAISHU, NOW)).isTrue();
        assertThat(places.isFull()).isFalse();
        assertThat(places.isFullFor(JIANGBEI, NOW)).isFalse();
        assertThat(takeAll(places, JIANGBEI + "40/", NOW)).containsExactly(4, 5);
        assertThat(places.isFull()).isTrue();
    }

    @Test
    void aMemberOfNoQuotaTakesOnlyTheCommonPoolUntilTheRelease() {
        ActivityPlaces places = new ActivityPlaces(10, plan(RELEASE), List.of());
        assertThat(takeAll(places, YINZHOU, NOW)).containsExactly(6, 7, 8, 9, 10);
        assertThat(places.isFullFor(YINZHOU, NOW)).isTrue();
        assertThat(places.availableFor(YINZHOU, NOW)).isZero();
        assertThat(places.availableFor(YINZHOU, RELEASE)).isEqualTo(5);
        assertThat(takeAll(places, YINZHOU, RELEASE)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void withoutAReleaseTimeQuotasAreKeptUntilTheEnd() {
        ActivityPlaces places = new ActivityPlaces(10, plan(null), List.of());
        takeAll(places, YINZHOU, NOW);
        assertThat(places.take(YINZHOU, NOW.plusSeconds(365L * 86400), 0)).isEqualTo(-1);
    }

    @Test
    void placesHeldAtLoadingAreNotHandedOutAndFreedOnesReturnToTheirQuota() {
        ActivityPlaces places = new ActivityPlaces(10, plan(RELEASE), List.of(1, 2, 6));
        assertThat(places.available()).isEqualTo(7);
        assertThat(places.availableByQuota()).containsExactly(1, 2);
        assertThat(places.availableInCommon()).isEqualTo(4);
        places.release(2);
        assertThat(places.availableByQuota()).containsExactly(2, 2);
        assertThat(takeAll(places, JIANGBEI, NOW)).containsExactly(4, 5, 7, 8, 9, 10);
        assertThat(takeAll(places, HAISHU, NOW)).containsExactly(2, 3);
    }

    @Test
    void withoutQuotasItIsOnePoolForEveryone() {
        ActivityPlaces places = new ActivityPlaces(3, QuotaPlan.NONE, List.of(2));
        assertThat(places.hasQuotas()).isFalse();
        assertThat(takeAll(places, YINZHOU, NOW)).containsExactly(1, 3);
        assertThat(places.isFull()).isTrue();
    }

    @Test
    void aPlaceInFlightMakesOthersWaitRatherThanHearFull() {
        ActivityPlaces places = new ActivityPlaces(4, new QuotaPlan(List.of(new PlaceQuota(3, HAISHU, "海曙", 1, 3)), null),
                List.of(1, 2, 3));
        int last = places.take(YINZHOU, NOW, 0);
        assertThat(last).isEqualTo(4);
        assertThat(places.isFullFor(YINZHOU, NOW)).isFalse();
        long start = System.nanoTime();
        assertThat(places.take(YINZHOU, NOW, 30)).isEqualTo(-1);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
        places.give(last);
        assertThat(places.take(YINZHOU, NOW, 0)).isEqualTo(4);
        places.stored(4);
        assertThat(places.isFull()).isTrue();
    }

    @Test
    void aPlaceTakenElsewhereTeachesThePoolWhatIsStoredAndItGoesOnElsewhere() {
        ActivityPlaces places = new ActivityPlaces(10, plan(RELEASE), List.of());
        int clashed = places.take(YINZHOU, NOW, 0);
        assertThat(clashed).isEqualTo(6);
        int inFlight = places.take(YINZHOU, NOW, 0);
        places.stored(clashed);
        places.takenElsewhere(clashed, () -> List.of(1, 6, 8));
        assertThat(places.availableByQuota()).containsExactly(2, 2);
        assertThat(places.availableInCommon()).as("7 in flight here, 6 and 8 stored elsewhere").isEqualTo(2);
        places.stored(inFlight);
        assertThat(takeAll(places, YINZHOU, NOW)).containsExactlyInAnyOrder(9, 10);
        assertThat(places.isFullFor(YINZHOU, NOW)).isTrue();
    }

    @Test
    void theFormReadsOneOrganisationPerLineAndNamesTheBadLine() {
        QuotaForm form = new QuotaForm("NB-HS 100\n\nNB-JB，50\n", null, null);
        assertThat(form.parsed()).containsExactly(new QuotaForm.Line("NB-HS", 100), new QuotaForm.Line("NB-JB", 50));
        assertThatThrownBy(() -> new QuotaForm("NB-HS 100\nNB-JB fifty", null, null).parsed())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("activity.quota.line.invalid");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThatThrownBy(() -> new QuotaForm(null, List.of(new QuotaForm.Line("NB-HS", 0)), null).parsed())
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("activity.quota.places.invalid"));
    }

    private static List<Integer> takeAll(ActivityPlaces places, String path, Instant now) {
        List<Integer> taken = new ArrayList<>();
        for (int n = places.take(path, now, 0); n > 0; n = places.take(path, now, 0)) {
            places.stored(n);
            taken.add(n);
        }
        return taken;
    }
}
