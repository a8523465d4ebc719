package org.gonghui.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.GonghuiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents and photos on disk under the data directory, never in the database: one folder per module's
 * {@link Area} (e.g. {@code <data-dir>/mutualaid/claims/<claim>/}, {@code <data-dir>/helpdesk/requests/<request>/}).
 * A file is accepted only if its content is a PDF, JPEG or PNG (by its first bytes, whatever its name says), it is
 * not empty and not larger than the area's limit. Files are written to a temporary name and moved into place, so a
 * reader never sees half a file.
 */
@Component
public class DocumentStore {

    /** Where a module keeps its files, how large one may be, and the message codes of its refusals. */
    public record Area(String folder, long maxBytes, String unsupportedCode, String notFoundCode) {

        public Area {
            if (folder == null || folder.isBlank() || folder.contains("..") || folder.startsWith("/")) {
                throw new IllegalArgumentException("not a folder under the data directory: " + folder);
            }
        }
    }

    /** A stored file: its key within the area, its detected type, size and SHA-256. */
    public record Stored(String key, String contentType, long size, String sha256) {
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final Path dataDir;

    DocumentStore(GonghuiProperties platform) {
        this.dataDir = platform.dataDir().toAbsolutePath().normalize();
    }

    /** Stores a file in the area's sub-folder {@code owner} (a claim, a request); refused unless PDF, JPEG or PNG. */
    public Stored store(Area area, String owner, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("upload.empty");
        }
        if (file.getSize() > area.maxBytes()) {
            throw DomainException.invalid("upload.too-large", area.maxBytes() / 1024 / 1024);
        }
        if (owner == null || !owner.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a folder name: " + owner);
        }
        try {
            byte[] head;
            try (InputStream in = file.getInputStream()) {
                head = in.readNBytes(8);
            }
            String contentType = detect(head);
            if (contentType == null) {
                throw DomainException.invalid(area.unsupportedCode());
            }
            Path dir = root(area).resolve(owner);
            Files.createDirectories(dir);
            String name = UUID.randomUUID() + extension(contentType);
            Path temp = Files.createTempFile(dir, "upload", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Stored(owner + "/" + name, contentType, file.getSize(), HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored file's content; a key that leaves the area, or a missing file, is "not found". */
    public byte[] read(Area area, String key) {
        Path root = root(area);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw DomainException.notFound(area.notFoundCode());
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw DomainException.notFound(area.notFoundCode());
        }
    }

    /** Removes a stored file (retention); a key that leaves the area, or a file already gone, is ignored. */
    public void delete(Area area, String key) {
        Path root = root(area);
        Path path = root.resolve(key).normalize();
        if (path.startsWith(root)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path root(Area area) {
        return dataDir.resolve(area.folder()).normalize();
    }

    /** The type of a file by its first bytes: PDF, JPEG or PNG; {@code null} for anything else. */
    public static String detect(byte[] head) {
        if (startsWith(head, PDF)) {
            return "application/pdf";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        return null;
    }

    /** A file name safe to keep and to send back in a header: no path, no control or reserved characters. */
    public static String safeName(String name) {
        String clean = name == null ? "document" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        if (clean.isEmpty()) {
            clean = "document";
        }
        return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
