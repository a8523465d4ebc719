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
}
