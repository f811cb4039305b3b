package org.nae4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.InvalidInputException;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/** The driver's checks before a task starts: header, score, and the memory a task has. */
class PrecheckTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private Manifest.Entry minute() throws IOException {
        Path wav = dir.resolve("minute.wav");
        Wav.write(wav, new float[60 * 22050], 22050, WavEncoding.PCM_16);
        Path csv = dir.resolve("score.csv");
        CsvScores.write(new Score(List.of(new Note(1, 1, 60, 90, "right"))), csv);
        return new Manifest.Entry("minute", wav.toUri().toString(), csv.toUri().toString(), null);
    }

    private static Precheck precheck(String task, long bytesPerTask) {
        return new Precheck(new Configuration(), task, StftParams.DEFAULT, bytesPerTask, "raise the heap");
    }

    @Test
    void aRecordingThatFitsPassesWithItsDuration() throws Exception {
        assertEquals(60.0, precheck("decompose", GIB).check(minute()), 1e-9);
    }

    @Test
    void aRecordingTooLongForATasksMemoryFailsWithWhatToRaise() throws IOException {
        Manifest.Entry e = minute();
        long decompose = Precheck.bytesNeeded("decompose", new org.nae4j.audio.WavHeader(1, 22050, 60 * 22050),
                StftParams.DEFAULT);
        String m = assertThrows(Precheck.Failed.class, () -> precheck("decompose", decompose - 1).check(e))
                .getMessage();
        assertTrue(m.startsWith("nae4j: error: " + Path.of(java.net.URI.create(e.audio())) + ": 1.0 min of audio needs ~"),
                m);
        assertTrue(m.endsWith("raise the heap"), m);
        // separate holds more per minute than decompose
        assertThrows(Precheck.Failed.class, () -> precheck("separate", decompose).check(e));
    }

    @Test
    void aCorruptWavAndAnEmptyScoreFailWithTheMessagesOfReadingThem() throws IOException {
        Manifest.Entry good = minute();
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "RIFF but nothing else");
        String byRead = assertThrows(InvalidInputException.class, () -> Wav.read(bad)).getMessage();
        Manifest.Entry corrupt = new Manifest.Entry("bad", bad.toUri().toString(), good.score(), null);
        assertEquals("nae4j: error: " + byRead,
                assertThrows(Precheck.Failed.class, () -> precheck("decompose", GIB).check(corrupt)).getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, CsvScores.HEADER + "\n");
        Manifest.Entry noNotes = new Manifest.Entry("empty", good.audio(), empty.toUri().toString(), null);
        String byScore = assertThrows(InvalidInputException.class, () -> Score.read(empty)).getMessage();
        assertEquals("nae4j: error: " + byScore,
                assertThrows(Precheck.Failed.class, () -> precheck("decompose", GIB).check(noNotes)).getMessage());
    }
}
