package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every claim status has its own badge colour in the portal's style sheet; 待补件 stands out with a ring. */
class StatusColoursTests {

    @Test
    void everyStatusHasADistinctColour() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/static/css/gonghui.css"));
        Map<String, ClaimStatus> byColour = new HashMap<>();
        for (ClaimStatus status : ClaimStatus.values()) {
            Matcher m = Pattern.compile("\\.gh-status-" + status + "\\s*\\{\\s*background:\\s*(#[0-9a-fA-F]{3,6})").matcher(css);
            assertThat(m.find()).as(status.name()).isTrue();
            ClaimStatus other = byColour.put(m.group(1).toLowerCase(), status);
            assertThat(other).as(status + " shares its colour with " + other).isNull();
        }
        assertThat(css).containsPattern("\\.gh-status-AWAITING_DOCUMENTS\\s*\\{[^}]*box-shadow");
    }
}
