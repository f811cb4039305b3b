package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-folder rule: nae4j never deletes what it did not write. */
class OutputFolderTest {
    @TempDir
    Path dir;

    private static void write(Path target, boolean overwrite, Collection<Path> inputs, String file, String text) {
        try (OutputFolder f = OutputFolder.claim(target, "test", overwrite, inputs)) {
            f.write(d -> {
                Files.createDirectories(d.resolve("sub"));
                Files.writeString(d.resolve(file), text);
            });
        }
    }

    private static InvalidInputException refused(Path target, boolean overwrite, Collection<Path> inputs) {
        return assertThrows(InvalidInputException.class, () -> write(target, overwrite, inputs, "r.txt", "new"));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderIsWrittenWithAMarkerListingEverything() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "x");
        assertEquals("x", Files.readString(out.resolve("a.txt")));
        assertEquals(List.of("a.txt", "sub/"), List.copyOf(FolderMarker.entries(out)));
        assertEquals(List.of("out"), siblings(), "no temporary or lock file is left beside it");
    }

    @Test
    void anEmptyFolderIsWritten() throws IOException {
        Path out = Files.createDirectory(dir.resolve("empty"));
        write(out, false, List.of(), "a.txt", "x");
        assertTrue(Files.isRegularFile(out.resolve("a.txt")));
    }

    @Test
    void anEarlierResultIsReplacedOnlyWithOverwrite() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "old.txt", "x");
        InvalidInputException e = refused(out, false, List.of());
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertTrue(Files.isRegularFile(out.resolve("old.txt")));
        write(out, true, List.of(), "new.txt", "y");
        assertTrue(Files.isRegularFile(out.resolve("new.txt")));
        assertFalse(Files.exists(out.resolve("old.txt")));
    }

    @Test
    void aFileTheUserAddedStopsTheOverwriteAndSurvives() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "x");
        Files.writeString(out.resolve("sub/notes.txt"), "mine");
        InvalidInputException e = refused(out, true, List.of());
        assertTrue(e.getMessage().contains("sub/notes.txt"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("sub/notes.txt")));
        assertEquals("x", Files.readString(out.resolve("a.txt")));
    }

    @Test
    void aFolderOfTheUsersIsNeverReplaced() throws IOException {
        Path out = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "years of work");
        InvalidInputException e = refused(out, true, List.of());
        assertTrue(e.getMessage().contains("not written by nae4j") && e.getMessage().contains("thesis.tex"),
                e.getMessage());
        assertEquals("years of work", Files.readString(out.resolve("thesis.tex")));
    }

    @Test
    void aFileIsNeverReplacedByAFolder() throws IOException {
        Path out = Files.writeString(dir.resolve("afile.txt"), "keep");
        refused(out, true, List.of());
        assertEquals("keep", Files.readString(out));
    }

    @Test
    void foldersHoldingAnInputAreRefusedEvenWithOverwrite() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/piece"));
        Path wav = Files.writeString(data.resolve("mix.wav"), "audio");
        for (Path target : List.of(data, dir.resolve("data"), dir)) {
            InvalidInputException e = refused(target, true, List.of(wav));
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        assertEquals("audio", Files.readString(wav));
        refused(wav, true, List.of(wav));
        assertEquals("audio", Files.readString(wav));
    }

    @Test
    void theCurrentHomeAndRootFoldersAreRefused() {
        for (Path p : List.of(Path.of(""), Path.of("."), Path.of("").toAbsolutePath().getParent(),
                Path.of(System.getProperty("user.home")), Path.of("/"))) {
            assertThrows(InvalidInputException.class, () -> OutputFolder.claim(p, "test", true, List.of()),
                    p.toString());
        }
    }

    @Test
    void aFailedWriteLeavesTheEarlierResultAndNoLeftovers() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "first");
        try (OutputFolder f = OutputFolder.claim(out, "test", true, List.of())) {
            assertThrows(IllegalStateException.class, () -> f.write(d -> {
                Files.writeString(d.resolve("a.txt"), "half");
                throw new IllegalStateException("boom");
            }));
        }
        assertEquals("first", Files.readString(out.resolve("a.txt")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aRunKilledBetweenTheTwoRenamesIsUndoneByTheNextClaim() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "first");
        // What a kill leaves: the earlier result moved aside, the new one complete but not in place.
        Files.move(out, dir.resolve(".out.nae4j-old"));
        Files.createDirectories(dir.resolve(".out.nae4j-new"));
        Files.writeString(dir.resolve(".out.nae4j-new/a.txt"), "second");
        refused(out, false, List.of());
        assertEquals("first", Files.readString(out.resolve("a.txt")), "the earlier result is back in place");
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aRunKilledAfterTheSwapOrWhileFillingIsCleanedUp() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "new");
        Files.createDirectories(dir.resolve(".out.nae4j-old"));
        Files.writeString(dir.resolve(".out.nae4j-old/a.txt"), "old");
        Files.createDirectories(dir.resolve(".out.nae4j-new"));
        write(out, true, List.of(), "a.txt", "newer");
        assertEquals("newer", Files.readString(out.resolve("a.txt")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aReadOnlyFolderIsNotReplaced() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, List.of(), "a.txt", "x");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            InvalidInputException e = refused(out, true, List.of());
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertTrue(Files.isRegularFile(out.resolve("a.txt")));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void longNamesWorkAndTooLongOnesFailBeforeAnyWork() throws IOException {
        Path out = dir.resolve("r".repeat(250));
        write(out, false, List.of(), "a.txt", "x");
        write(out, true, List.of(), "a.txt", "y");
        assertEquals("y", Files.readString(out.resolve("a.txt")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputFolder.claim(dir.resolve("r".repeat(300)), "test", false, List.of()));
        assertTrue(e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void twoRunsCannotWriteOneFolderAtOnce() {
        Path out = dir.resolve("out");
        try (OutputFolder first = OutputFolder.claim(out, "test", false, List.of())) {
            first.write(d -> Files.writeString(d.resolve("a.txt"), "x"));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> OutputFolder.claim(out, "test", true, List.of()));
            assertTrue(e.getMessage().contains("another nae4j run"), e.getMessage());
        }
    }
}
