package io.jdig.scap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens trace files for writing with mode 0600: they hold I/O payloads and process environments (passwords,
 * tokens), so only their owner may read them.
 *
 * <p>A new file gets its mode in the same call that creates it, so there is no moment when it is readable by
 * others. A regular file that already exists is truncated by the open and has its group and other permission bits
 * removed before anything is written to it. Anything else (a FIFO, {@code /dev/null}, a terminal) is written as it
 * is and keeps its mode, as does another user's file that we may write but not change.
 */
final class PrivateFile {
    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTR =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);

    private PrivateFile() {
    }

    static FileChannel open(Path file) throws IOException {
        if (!posix(file)) {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        FileChannel c = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), OWNER_ONLY_ATTR);
        try {
            restrictExisting(file);
        } catch (IOException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Drops the group and other bits of a regular file created earlier with a wider mode. */
    private static void restrictExisting(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        var attrs = view.readAttributes();
        if (!attrs.isRegularFile()) {
            return;
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : perms) {
            if (p == PosixFilePermission.OWNER_READ || p == PosixFilePermission.OWNER_WRITE
                    || p == PosixFilePermission.OWNER_EXECUTE) {
                owner.add(p);
            }
        }
        if (!owner.equals(perms)) {
            try {
                view.setPermissions(owner);
            } catch (java.nio.file.FileSystemException e) {
                // another user's file that we may write but not chmod: its owner chose its mode
            }
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
