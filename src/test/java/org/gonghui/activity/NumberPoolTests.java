package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberPoolTests {

    @Test
    void handsOutEachFreeNumberOnceAndIsFullOnlyWhenAllAreStored() {
        NumberPool pool = new NumberPool(3, List.of(2));
        int a = pool.take(0);
        int b = pool.take(0);
        assertThat(List.of(a, b)).containsExactlyInAnyOrder(1, 3);
        assertThat(pool.take(0)).isEqualTo(-1);
        assertThat(pool.isFull()).isFalse();
        pool.stored();
        pool.give(b);
        assertThat(pool.isFull()).isFalse();
        assertThat(pool.take(0)).isEqualTo(b);
        pool.stored();
        assertThat(pool.isFull()).isTrue();
    }

    @Test
    void aReleasedPlaceComesBackOnce() {
        NumberPool pool = new NumberPool(2, List.of(1, 2));
        assertThat(pool.isFull()).isTrue();
        pool.release(2);
        pool.release(2);
        assertThat(pool.available()).isEqualTo(1);
    }

    @Test
    void numbersStoredElsewhereAreLearnedWhileThoseInFlightHereStayInFlight() {
        NumberPool pool = new NumberPool(10, List.of());
        int mine = pool.take(0);
        assertThat(mine).isEqualTo(1);
        pool.learnTaken(java.util.Arrays.asList(1, 2, 3, null, 11));
        assertThat(pool.available()).isEqualTo(7);
        assertThat(pool.isFull()).isFalse();
        pool.give(mine);
        assertThat(pool.available()).as("the number in flight here was given back: free again").isEqualTo(8);
        pool.learnTaken(List.of(1, 4, 5, 6, 7, 8, 9, 10));
        pool.learnTaken(List.of(10));
        assertThat(pool.available()).isZero();
        assertThat(pool.isFull()).isTrue();
    }

    @Test
    void afterAScatterEveryFreeNumberIsStillHandedOutOnce() {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int run = 0; run < 50; run++) {
            NumberPool pool = new NumberPool(100, List.of(1, 2, 3));
            pool.scatter();
            List<Integer> taken = new java.util.ArrayList<>();
            for (int n = pool.take(0); n > 0; n = pool.take(0)) {
                pool.stored();
                taken.add(n);
            }
            assertThat(taken).hasSize(97).doesNotHaveDuplicates().doesNotContain(1, 2, 3);
            starts.add(taken.get(0));
        }
        assertThat(starts).as("the pool goes on from random free numbers").hasSizeGreaterThan(10);
    }
}
