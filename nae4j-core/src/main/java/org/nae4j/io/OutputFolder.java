package org.nae4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A result folder that nae4j may write: the one rule every command follows so that nothing nae4j did not
 * write is ever lost.
 * <ul>
 * <li>A missing or empty folder is written.</li>
 * <li>A folder nae4j wrote before (it holds a {@link FolderMarker}) is replaced only with {@code overwrite},
 * and only while it holds nothing but what the marker lists.</li>
 * <li>Anything else (a file, a folder of the user's, a read-only folder) is refused, and so are, even with
 * {@code overwrite}, a file-system root, the home and the current folder, folders above them, and folders
 * holding an input of the run ({@link OutputPaths#refuseProtected}).</li>
 * </ul>
 * The content is written into a hidden sibling ({@code .NAME.nae4j-new}) that then takes the folder's place by
 * rename, so the folder is always either the old complete one or the new complete one. A run that is killed
 * halfway leaves hidden siblings that the next claim of the same folder restores or removes. A lock file
 * beside the folder keeps two runs from writing it at once. Claim it before the long computation (its checks
 * fail fast), write at the end, and close it.
 */
public final class OutputFolder implements AutoCloseable {
    private static final String STAGING = ".nae4j-new";
    private static final String PREVIOUS = ".nae4j-old";
    private static final String LOCK = ".nae4j-lock";

    private final Path given;
    private final Path path;
    private final String command;
    private final boolean overwrite;
    private Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;
    /**
     * Removes the lock file if the JVM ends (Ctrl-C, kill) while the folder is claimed. Only the lock file: the
     * hidden folders may be in the middle of a rename, and the next claim puts them right.
     */
    private Thread lockCleaner;

    private OutputFolder(Path given, Path path, String command, boolean overwrite) {
        this.given = given;
        this.path = path;
        this.command = command;
        this.overwrite = overwrite;
    }

    /**
     * Checks that {@code target} may be written and takes it for this run.
     *
     * @param target    the folder to write
     * @param command   what writes it, recorded in the marker ("decompose", "separate", ...)
     * @param overwrite replace a folder nae4j wrote before (the command line's {@code --overwrite})
     * @param inputs    the run's input files and folders, which the folder may not hold
     * @throws InvalidInputException if the folder may not be written, with a message saying why and what to do
     */
    public static OutputFolder claim(Path target, String command, boolean overwrite, Collection<Path> inputs) {
        OutputPaths.refuseProtected(target, inputs, "output folder");
        OutputFolder f = new OutputFolder(target, OutputPaths.real(target), command, overwrite);
        try {
            if (Files.isDirectory(f.path.getParent())) {
                f.lockAndRecover();
            }
            f.check();
            return f;
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /**
     * Fills a fresh hidden folder with {@code content}, adds the marker, and puts it in place of the folder.
     * If anything fails the folder is as it was.
     */
    public void write(AtomicFiles.FolderContent content) {
        Path staging = OutputPaths.hiddenSibling(path, STAGING);
        Path previous = OutputPaths.hiddenSibling(path, PREVIOUS);
        boolean moved = false;
        try {
            Files.createDirectories(path.getParent());
            if (lock == null) {
                lockAndRecover();
            }
            // The folder may have changed during the computation: check again before replacing it.
            check();
            AtomicFiles.deleteTree(staging);
            Files.createDirectory(staging);
            content.fill(staging);
            FolderMarker.write(staging, command);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.move(path, previous);
                moved = true;
            }
            AtomicFiles.move(staging, path);
            moved = false;
            AtomicFiles.deleteTree(previous);
        } catch (IOException e) {
            throw IoErrors.cannotWrite(given, e);
        } catch (UncheckedIOException e) {
            // A file inside failed: name the folder and the reason, not the hidden path.
            throw IoErrors.cannotWrite(given, e.getCause());
        } finally {
            if (moved) {
                try {
                    AtomicFiles.move(previous, path);
                } catch (IOException restoreFailed) {
                    // The previous result stays complete in its hidden sibling; the next claim restores it.
                }
            }
            AtomicFiles.deleteTree(staging);
        }
    }

    /** Releases the folder (and the lock file beside it). */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // closing a lock cannot lose data; the lock file is removed below either way
        }
        if (lockFile != null && lock != null) {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException ignored) {
                // a stray empty lock file is harmless and reused by the next run
            }
        }
        lock = null;
        lockChannel = null;
        if (lockCleaner != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(lockCleaner);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it only deletes the lock file, which is gone already
            }
            lockCleaner = null;
        }
    }

    private void lockAndRecover() {
        lockFile = OutputPaths.hiddenSibling(path, LOCK);
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw InvalidInputException.of(given, "another nae4j run is writing this folder now (it holds "
                        + lockFile + "); wait for it to finish or choose another folder");
            }
            Path file = lockFile;
            lockCleaner = new Thread(() -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the JVM is ending; a stray empty lock file is reused by the next run
                }
            }, "nae4j-lock-cleaner");
            Runtime.getRuntime().addShutdownHook(lockCleaner);
            recover();
        } catch (IOException e) {
            throw IoErrors.cannotWrite(given, e);
        }
    }

    /** Puts right what a run that was killed while writing this folder left beside it. */
    private void recover() throws IOException {
        Path staging = OutputPaths.hiddenSibling(path, STAGING);
        Path previous = OutputPaths.hiddenSibling(path, PREVIOUS);
        boolean hasTarget = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if (Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)) {
            if (hasTarget) {
                // Killed after the new folder was in place: the previous one is no longer needed.
                AtomicFiles.deleteTree(previous);
            } else {
                // Killed between the two renames: put the previous result back, as if the run had not happened.
                AtomicFiles.move(previous, path);
            }
        }
        // Killed while filling the new folder, or before it took the folder's place.
        AtomicFiles.deleteTree(staging);
    }

    private void check() {
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                OutputPaths.refuseUncreatable(given, path);
                return;
            }
            if (!Files.isDirectory(path)) {
                throw InvalidInputException.of(given, "exists and is not a folder; nae4j writes a folder of results "
                        + "there: choose another name");
            }
            if (OutputPaths.readOnly(path) || OutputPaths.readOnly(path.getParent())) {
                Path ro = OutputPaths.readOnly(path) ? given : path.getParent();
                throw InvalidInputException.of(given, ro + " is read-only; make it writable to let nae4j write "
                        + "there, or choose another folder");
            }
            if (OutputPaths.isEmpty(path)) {
                return;
            }
            if (!FolderMarker.present(path)) {
                throw InvalidInputException.of(given, "is not empty and was not written by nae4j (it holds "
                        + FolderMarker.sample(path) + "); choose a new or empty folder");
            }
            TreeSet<String> listed = FolderMarker.entries(path);
            if (!overwrite) {
                String by = FolderMarker.command(path);
                throw InvalidInputException.of(given, "holds the results of an earlier nae4j run"
                        + (by.isEmpty() ? "" : " (" + Printable.escape(by) + ")")
                        + "; pass --overwrite to replace them, or choose another folder");
            }
            String extra = FolderMarker.unexpected(path, listed);
            if (extra != null) {
                throw InvalidInputException.of(given, "holds files nae4j did not write (" + extra + "); --overwrite "
                        + "replaces only what nae4j wrote: move them away or choose another folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + given + ": " + IoErrors.reason(e), e);
        }
    }

}
