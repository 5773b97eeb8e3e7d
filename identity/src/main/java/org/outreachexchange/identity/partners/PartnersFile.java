package org.outreachexchange.identity.partners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * A partners document kept in a file and read again when asked. A file that cannot be read or is not a valid, newer
 * document leaves the current document as it was: one bad edit must not make a service trust no one.
 * Content is compared rather than modification times, which a Kubernetes ConfigMap's symlink swap does not keep.
 */
public final class PartnersFile {

    /** What a check found. */
    public sealed interface Reload {
    }

    public record Unchanged() implements Reload {
    }

    public record Changed(PartnersDocument previous, PartnersDocument current) implements Reload {
    }

    /** The file changed but is not used; {@code reason} says why. */
    public record Refused(String reason) implements Reload {
    }

    private final Path path;
    private byte[] lastRead;
    private volatile PartnersDocument current;

    /** Reads the file; a missing or invalid one fails here, since there is no earlier document to keep. */
    public PartnersFile(Path path) {
        this.path = path;
        try {
            this.lastRead = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the partners document " + path + ": " + e.getMessage(), e);
        }
        try {
            this.current = PartnersDocument.parse(new String(lastRead, StandardCharsets.UTF_8));
        } catch (PartnersDocumentException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }

    public PartnersDocument current() {
        return current;
    }

    public Path path() {
        return path;
    }

    /** Reads the file again and takes its document if it changed, is valid and has a higher version. */
    public synchronized Reload check() {
        byte[] read;
        try {
            read = Files.readAllBytes(path);
        } catch (IOException e) {
            return new Refused("cannot read " + path + ": " + e.getMessage());
        }
        if (Arrays.equals(read, lastRead)) {
            return new Unchanged();
        }
        lastRead = read;
        PartnersDocument next;
        try {
            next = PartnersDocument.parse(new String(read, StandardCharsets.UTF_8));
        } catch (PartnersDocumentException e) {
            return new Refused(path + ": " + e.getMessage() + "; keeping version " + current.version());
        }
        if (next.version() <= current.version()) {
            return new Refused(path + " holds version " + next.version() + ", not newer than version "
                    + current.version() + " in use; raise its version to apply it");
        }
        PartnersDocument previous = current;
        current = next;
        return new Changed(previous, next);
    }

    /** Replaces the file in one step, so a service reading it never sees half a document. */
    public static void write(Path path, PartnersDocument document) {
        try {
            Path absolute = path.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(temporary, document.toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the partners document " + path, e);
        }
    }

    public static PartnersDocument read(Path path) {
        try {
            return PartnersDocument.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the partners document " + path, e);
        }
    }
}
