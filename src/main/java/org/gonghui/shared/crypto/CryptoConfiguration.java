package org.gonghui.shared.crypto;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the personal-data keys: {@code gonghui.crypto.key} and {@code gonghui.crypto.hash-key} (Base64, 32
 * bytes each) when configured — as production must — or else a key file under the data directory, made
 * on first start so the embedded platform works out of the box.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(GonghuiProperties properties,
            @Value("${gonghui.crypto.key:}") String key, @Value("${gonghui.crypto.hash-key:}") String hashKey) {
        if (!key.isBlank() && !hashKey.isBlank()) {
            return new PersonalDataCipher(Base64.getDecoder().decode(key.trim()),
                    Base64.getDecoder().decode(hashKey.trim()));
        }
        Path file = properties.dataDir().resolve("keys").resolve("personal-data.keys");
        String[] keys = readOrCreate(file).split("\n");
        return new PersonalDataCipher(Base64.getDecoder().decode(keys[0].trim()),
                Base64.getDecoder().decode(keys[1].trim()));
    }

    private static synchronized String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            Files.createDirectories(file.getParent());
            SecureRandom random = new SecureRandom();
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            random.nextBytes(a);
            random.nextBytes(b);
            String content = Base64.getEncoder().encodeToString(a) + "\n" + Base64.getEncoder().encodeToString(b) + "\n";
            Files.writeString(file, content);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated personal-data keys at {} — set gonghui.crypto.key and gonghui.crypto.hash-key in production", file);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
