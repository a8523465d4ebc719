package org.gonghui.shared.files;

import java.time.Clock;
import org.gonghui.shared.GonghuiProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one {@link DocumentStore}, over the backend chosen by {@code gonghui.files.store}: files or database. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    @Bean
    DocumentStore documentStore(@Value("${gonghui.files.store:files}") String store, GonghuiProperties platform,
            JdbcClient jdbc, Clock clock) {
        return new DocumentStore(switch (store.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "files" -> new FileSystemBackend(platform.dataDir());
            case "database" -> new DatabaseBackend(jdbc, clock);
            default -> throw new IllegalStateException(
                    "gonghui.files.store (GONGHUI_FILES_STORE) must be files or database, not " + store);
        });
    }
}
