package org.gonghui.shared;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform-wide settings ({@code gonghui.*}).
 *
 * @param dataDir where the embedded database, the file store and generated keys live
 * @param demo whether demo data is loaded on first start and demo accounts are shown on the sign-in page
 * @param demoMembers how many members the demo data holds
 * @param zone the one time zone every time shown to a person is in, and every day derived from an instant (the day
 *     a claim was filed, "today" in a rule, a day filter) is counted in, whatever the server's own zone
 */
@ConfigurationProperties("gonghui")
public record GonghuiProperties(Path dataDir, boolean demo, Integer demoMembers, ZoneId zone) {

    /** Ningbo's zone: the platform's default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public GonghuiProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (demoMembers == null) {
            demoMembers = 5000;
        }
        if (zone == null) {
            zone = DEFAULT_ZONE;
        }
    }
}
