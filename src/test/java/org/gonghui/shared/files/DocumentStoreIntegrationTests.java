package org.gonghui.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.gonghui.shared.DomainException;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document store over its two backends: the file system (embedded default) and the database (a cluster's, where
 * every instance reads what another stored). Both check content the same way; the database's copy goes with the
 * caller's transaction.
 */
@IntegrationTest
class DocumentStoreIntegrationTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5};
    static final DocumentStore.Area AREA = new DocumentStore.Area("test/documents", 1024, "upload.unsupported",
            "upload.not-found");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;

    DocumentStore database() {
        return new DocumentStore(new DatabaseBackend(jdbc, clock));
    }

    static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "photo.png", "image/png", content);
    }

    @Test
    void aFileStoredInTheDatabaseByOneInstanceIsReadByAnother() {
        DocumentStore.Stored stored = database().store(AREA, "claim-1", file(PNG));

        assertThat(stored.key()).startsWith("claim-1/").endsWith(".png");
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.sha256()).isEqualTo(DocumentStore.sha256(PNG));
        assertThat(database().read(AREA, stored.key())).isEqualTo(PNG);
        assertThat(jdbc.sql("select sha256 from stored_file where folder = 'test/documents' and file_key = :k")
                .param("k", stored.key()).query(String.class).single()).isEqualTo(stored.sha256());
    }

    @Test
    void theDatabaseRefusesWhatIsNotADocumentAndStoresNothing() {
        long before = count();

        assertThatThrownBy(() -> database().store(AREA, "claim-2", file("just text".getBytes())))
                .isInstanceOf(DomainException.class).hasMessageContaining("upload.unsupported");
        assertThatThrownBy(() -> database().store(AREA, "claim-2", file(new byte[2048])))
                .isInstanceOf(DomainException.class).hasMessageContaining("upload.too-large");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileStoredInATransactionThatRollsBackIsNotThere() {
        String[] key = new String[1];
        transactions.executeWithoutResult(status -> {
            key[0] = database().store(AREA, "claim-3", file(PNG)).key();
            status.setRollbackOnly();
        });

        assertThatThrownBy(() -> database().read(AREA, key[0])).isInstanceOf(DomainException.class)
                .hasMessageContaining("upload.not-found");
    }

    @Test
    void aKeyOutsideTheAreaOrUnknownIsNotFound() {
        DocumentStore.Stored stored = database().store(AREA, "claim-4", file(PNG));
        DocumentStore.Area other = new DocumentStore.Area("test/other", 1024, "upload.unsupported",
                "upload.not-found");

        for (String key : new String[] {"../documents/" + stored.key(), "claim-4/../claim-4/x.png", "nothing/here.png",
                "/etc/passwd", ""}) {
            assertThatThrownBy(() -> database().read(AREA, key)).as(key).isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> database().read(other, stored.key())).isInstanceOf(DomainException.class);
    }

    @Test
    void aDeletedFileIsGoneForEveryInstance() {
        DocumentStore.Stored stored = database().store(AREA, "claim-6", file(PNG));

        database().delete(AREA, stored.key());
        database().delete(AREA, stored.key());

        assertThatThrownBy(() -> database().read(AREA, stored.key())).isInstanceOf(DomainException.class);
    }

    @Test
    void theFileSystemKeepsFilesUnderTheDataDirectory() throws Exception {
        Path dir = Files.createTempDirectory("documents");
        DocumentStore files = new DocumentStore(new FileSystemBackend(dir));

        DocumentStore.Stored stored = files.store(AREA, "claim-5", file(PNG));

        assertThat(Files.readAllBytes(dir.resolve("test/documents").resolve(stored.key()))).isEqualTo(PNG);
        assertThat(new DocumentStore(new FileSystemBackend(dir)).read(AREA, stored.key())).isEqualTo(PNG);
        assertThat(stored.sha256()).isEqualTo(DocumentStore.sha256(PNG));
        assertThatThrownBy(() -> files.read(AREA, "../../" + stored.key())).isInstanceOf(DomainException.class);
    }

    long count() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }
}
