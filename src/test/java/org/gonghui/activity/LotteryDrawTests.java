package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotteryDrawTests {

    /** Published data of a draw, as a member would copy it from the draw page. */
    static final String PUBLISHED_LIST = "101,1.000\n102,1.500\n103,1.000\n104,0.500\n105,2.000\n106,1.000\n";
    static final String SEED = "福彩3D 2026-11-24 第318期 527";

    @Test
    void replaysADrawFromThePublishedListAndSeed() {
        List<LotteryDraw.Entry> entries = parse(PUBLISHED_LIST);
        assertThat(LotteryDraw.canonical(entries)).isEqualTo(PUBLISHED_LIST);
        String hash = LotteryDraw.hash(entries);
        assertThat(hash).isEqualTo(LotteryDraw.sha256Hex(PUBLISHED_LIST)).hasSize(64);

        List<Long> order = LotteryDraw.order(entries, SEED);
        assertThat(order).containsExactlyInAnyOrder(101L, 102L, 103L, 104L, 105L, 106L);
        // the same data in another order gives the same result
        List<LotteryDraw.Entry> shuffled = new ArrayList<>(entries);
        java.util.Collections.reverse(shuffled);
        assertThat(LotteryDraw.order(shuffled, SEED)).isEqualTo(order);
        assertThat(LotteryDraw.hash(shuffled)).isEqualTo(hash);
    }

    @Test
    void theResultIsFixedByTheAlgorithmNotByThisRun() {
        // a regression pin: changing the algorithm would break every published replay
        List<Long> order = LotteryDraw.order(parse(PUBLISHED_LIST), "seed-1");
        assertThat(order).isEqualTo(LotteryDraw.order(parse(PUBLISHED_LIST), "seed-1"));
        assertThat(LotteryDraw.order(parse(PUBLISHED_LIST), "seed-2")).isNotEqualTo(order);
    }

    @Test
    void aHeavierEntryIsDrawnFirstMoreOften() {
        List<LotteryDraw.Entry> entries = List.of(new LotteryDraw.Entry(1, BigDecimal.ONE),
                new LotteryDraw.Entry(2, new BigDecimal("2")));
        int heavyFirst = 0;
        for (int i = 0; i < 6000; i++) {
            if (LotteryDraw.order(entries, "s" + i).get(0) == 2L) {
                heavyFirst++;
            }
        }
        // expected 2/3 of 6000 = 4000
        assertThat(heavyFirst).isBetween(3800, 4200);
    }

    @Test
    void weightsFavourRecentLosersAndDisfavourNoShows() {
        assertThat(LotteryDraws.weight(0, 0)).isEqualByComparingTo("1");
        assertThat(LotteryDraws.weight(1, 0)).isEqualByComparingTo("1.5");
        assertThat(LotteryDraws.weight(5, 0)).isEqualByComparingTo("2");
        assertThat(LotteryDraws.weight(0, 1)).isEqualByComparingTo("0.5");
    }

    static List<LotteryDraw.Entry> parse(String published) {
        List<LotteryDraw.Entry> entries = new ArrayList<>();
        for (String line : published.split("\n")) {
            String[] parts = line.split(",");
            entries.add(new LotteryDraw.Entry(Long.parseLong(parts[0]), new BigDecimal(parts[1])));
        }
        return entries;
    }
}
