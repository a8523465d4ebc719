package org.gonghui.mutualaid;

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
 * Claim documents on disk under {@code <data-dir>/mutualaid/claims/<claim>/}, never in the database. A file
 * is accepted only if its content is a PDF, JPEG or PNG (by its first bytes, whatever its name says), it is
 * not empty and not larger than the configured limit.
 */
@Component
class DocumentStore {

    /** A stored file: where it is, its detected type, size and SHA-256. */
    record Stored(String key, String contentType, long size, String sha256) {
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final Path root;
    private final long maxBytes;

    DocumentStore(GonghuiProperties platform, MutualAidProperties properties) {
        this.root = platform.dataDir().resolve("mutualaid").resolve("claims").toAbsolutePath().normalize();
        this.maxBytes = properties.maxDocumentBytes();
    }

    Stored store(long claimId, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("upload.empty");
        }
        if (file.getSize() > maxBytes) {
            throw DomainException.invalid("upload.too-large", maxBytes / 1024 / 1024);
        }
        try {
            byte[] head;
            try (InputStream in = file.getInputStream()) {
                head = in.readNBytes(8);
            }
            String contentType = detect(head);
            if (contentType == null) {
                throw DomainException.invalid("mutualaid.document.unsupported");
            }
            Path dir = root.resolve(String.valueOf(claimId));
            Files.createDirectories(dir);
            String name = UUID.randomUUID() + extension(contentType);
            Path temp = Files.createTempFile(dir, "upload", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Stored(claimId + "/" + name, contentType, file.getSize(), HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] read(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw DomainException.notFound("mutualaid.document.not-found");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw DomainException.notFound("mutualaid.document.not-found");
        }
    }

    static String detect(byte[] head) {
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
