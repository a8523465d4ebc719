package org.gonghui.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.gonghui.shared.GonghuiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key dynamic codes are signed with: {@code gonghui.card.code-key} (Base64, at least 32 bytes; environment
 * {@code GONGHUI_CARD_CODE_KEY}) when configured — as production must, the same on every instance — else a key
 * file under the data directory, made on first start, like the personal-data keys.
 */
@Component
class DynamicCodeKey {

    private static final Logger log = LoggerFactory.getLogger(DynamicCodeKey.class);

    private final byte[] bytes;

    DynamicCodeKey(GonghuiProperties properties, @Value("${gonghui.card.code-key:}") String configured) {
        this.bytes = configured.isBlank() ? fromFile(properties.dataDir().resolve("keys").resolve("card-code.key"))
                : Base64.getDecoder().decode(configured.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("gonghui.card.code-key needs at least 256 bits");
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private static synchronized byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                log.warn("Generated the dynamic-code key at {} — set gonghui.card.code-key in production", file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
