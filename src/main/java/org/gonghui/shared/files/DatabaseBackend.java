package org.gonghui.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files in the database ({@code stored_file}), so that every instance of a cluster reads what any of them stored.
 * Written in the caller's transaction: when the claim or request that brought the file is rolled back, so is the
 * file. A file is at most the area's limit (10 MB), read whole into memory like the file system's.
 */
class DatabaseBackend implements DocumentStore.Backend {

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseBackend(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String write(String folder, String key, String contentType, MultipartFile file) throws IOException {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        String sha256 = DocumentStore.sha256(content);
        jdbc.sql("""
                insert into stored_file (folder, file_key, content_type, size, sha256, content, created_at)
                values (:folder, :key, :type, :size, :sha, :content, :at)""")
                .param("folder", folder).param("key", key).param("type", contentType).param("size", content.length)
                .param("sha", sha256).param("content", content).param("at", Timestamp.from(clock.instant()))
                .update();
        return sha256;
    }

    @Override
    public void delete(String folder, String key) {
        jdbc.sql("delete from stored_file where folder = :folder and file_key = :key").param("folder", folder)
                .param("key", key).update();
    }

    @Override
    public byte[] read(String folder, String key) {
        return jdbc.sql("select content from stored_file where folder = :folder and file_key = :key")
                .param("folder", folder).param("key", key).query(byte[].class).optional().orElse(null);
    }
}
