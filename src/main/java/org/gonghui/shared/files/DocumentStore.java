package org.gonghui.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.gonghui.shared.DomainException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents and photos, one folder per module's {@link Area} (e.g. {@code mutualaid/claims/<claim>/},
 * {@code helpdesk/requests/<request>/}). A file is accepted only if its content is a PDF, JPEG or PNG (by its first
 * bytes, whatever its name says), it is not empty and not larger than the area's limit.
 *
 * <p>Where the bytes go is chosen by {@code gonghui.files.store} ({@code GONGHUI_FILES_STORE}): {@code files} (the
 * embedded default) keeps them on disk under the data directory, written to a temporary name and moved into place so
 * a reader never sees half a file; {@code database} keeps them in the database's {@code stored_file} table, where
 * every instance of a cluster reads them, written in the caller's transaction (a failed claim leaves no file).
 */
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

    /** Where the bytes of stored files are kept: a folder under the data directory, or a database table. */
    interface Backend {

        /** Writes the content under {@code folder}/{@code key}; returns its SHA-256 (hex). */
        String write(String folder, String key, String contentType, MultipartFile file) throws IOException;

        /** The content, or {@code null} when there is none under that key. */
        byte[] read(String folder, String key) throws IOException;

        /** Removes the file under that key, if there is one. */
        void delete(String folder, String key) throws IOException;
    }

    private final Backend backend;

    DocumentStore(Backend backend) {
        this.backend = backend;
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
            String name = UUID.randomUUID() + extension(contentType);
            String sha256 = backend.write(area.folder(), owner + "/" + name, contentType, file);
            return new Stored(owner + "/" + name, contentType, file.getSize(), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored file's content; a key that leaves the area, or a missing file, is "not found". */
    public byte[] read(Area area, String key) {
        if (key == null || !key.matches("[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+") || key.contains("..")) {
            throw DomainException.notFound(area.notFoundCode());
        }
        byte[] content;
        try {
            content = backend.read(area.folder(), key);
        } catch (IOException e) {
            content = null;
        }
        if (content == null) {
            throw DomainException.notFound(area.notFoundCode());
        }
        return content;
    }

    /** Removes a stored file (retention); a key that leaves the area, or a file already gone, is ignored. */
    public void delete(Area area, String key) {
        if (key == null || !key.matches("[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+") || key.contains("..")) {
            return;
        }
        try {
            backend.delete(area.folder(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
