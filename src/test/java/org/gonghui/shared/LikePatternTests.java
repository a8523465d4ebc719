package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTests {

    @Test
    void wildcardsAndTheEscapeCharacterAreMatchedLiterally() {
        assertThat(LikePattern.literal("50%_x\\y")).isEqualTo("50\\%\\_x\\\\y");
        assertThat(LikePattern.containing("%")).isEqualTo("%\\%%");
        assertThat(LikePattern.startingWith("王_")).isEqualTo("王\\_%");
        assertThat(LikePattern.containing("工会")).isEqualTo("%工会%");
    }
}
