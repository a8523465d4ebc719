package org.gonghui.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule without a regular expression accepts and rejects exactly what Spring Security's does. */
class FirewallRuleTests {

    /** The rule StrictHttpFirewall applies by default to header names and values and parameter names. */
    static final Pattern SPRING_SECURITY_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void sameVerdictAsTheRegularExpressionOfSpringSecurity() {
        List<String> samples = List.of("", "Authorization", "Bearer abc-DEF_123", "zh-CN,zh;q=0.9,en;q=0.8",
                "application/json; charset=UTF-8", "工惠 甬工惠", "emoji \uD83D\uDE00", "tab\there", "new\nline",
                "nul\u0000", "del\u007f", "c1\u0085", "unassigned \u0378", "private use \uE000", "lone \uD800",
                "nbsp\u00a0", "zero width\u200b", "unassigned plane \uDB40\uDC00");
        for (String sample : samples) {
            assertThat(SecurityConfiguration.assignedAndNotControl(sample)).as(sample)
                    .isEqualTo(SPRING_SECURITY_DEFAULT.matcher(sample).matches());
        }
        for (int codePoint = 0; codePoint < 0x30000; codePoint++) {
            String one = new String(Character.toChars(codePoint));
            assertThat(SecurityConfiguration.assignedAndNotControl(one)).as("U+%04X", codePoint)
                    .isEqualTo(SPRING_SECURITY_DEFAULT.matcher(one).matches());
        }
        assertThat(SecurityConfiguration.assignedAndNotControl("tab\there")).isFalse();
        assertThat(SecurityConfiguration.assignedAndNotControl("工惠")).isTrue();
    }
}
