package org.gonghui.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.multipart.MultipartFile;

/** Files on disk under the data directory ({@code <data-dir>/<area>/<owner>/<name>}): the embedded default. */
class FileSystemBackend implements DocumentStore.Backend {

    private final Path dataDir;

    FileSystemBackend(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    @Override
    public String write(String folder, String key, String contentType, MultipartFile file) throws IOException {
        Path path = path(folder, key);
        Files.createDirectories(path.getParent());
        Path temp = Files.createTempFile(path.getParent(), "upload", ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public byte[] read(String folder, String key) throws IOException {
        try {
            return Files.readAllBytes(path(folder, key));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void delete(String folder, String key) throws IOException {
        Files.deleteIfExists(path(folder, key));
    }

    private Path path(String folder, String key) throws IOException {
        Path root = dataDir.resolve(folder).normalize();
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new NoSuchFileException(key);
        }
        return path;
    }
}
