package org.gonghui.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform-wide settings ({@code gonghui.*}).
 *
 * @param dataDir where the embedded database, the file store and generated keys live
 * @param demo whether demo data is loaded on first start and demo accounts are shown on the sign-in page
 * @param demoMembers how many members the demo data holds
 */
@ConfigurationProperties("gonghui")
public record GonghuiProperties(Path dataDir, boolean demo, Integer demoMembers) {

    public GonghuiProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (demoMembers == null) {
            demoMembers = 5000;
        }
    }
}
