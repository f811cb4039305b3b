package org.nae4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nae4j.SharedData;
import org.nae4j.audio.Audio;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Score;

/**
 * A small corpus made from the shared rendered pieces: the first seconds of each (short, so that a test runs in
 * seconds), a corrupt WAV and a recording with an empty score, listed in a manifest with relative paths.
 */
final class TestCorpus {
    static final Path RENDERED = SharedData.ROOT.resolve("rendered");
    static final List<String> PIECES = List.of("bach-prelude-bwv846", "mozart-k545-mvt1-excerpt",
            "satie-gymnopedie-no1-excerpt");
    static final String CORRUPT = "corrupt";
    static final String EMPTY_SCORE = "empty-score";

    private TestCorpus() {
    }

    /** Writes the corpus into {@code dir} and returns its manifest. Piece i lasts 4 + 2i seconds. */
    static Path write(Path dir) throws IOException {
        SharedData.require(RENDERED);
        List<String> lines = new ArrayList<>(List.of("id,audio,score"));
        for (int i = 0; i < PIECES.size(); i++) {
            String piece = PIECES.get(i);
            double seconds = 4 + 2 * i;
            Path d = Files.createDirectories(dir.resolve(piece));
            Audio a = Wav.read(SharedData.require(RENDERED.resolve(piece).resolve("mix.wav")));
            int n = (int) (seconds * a.sampleRate());
            Wav.write(d.resolve("mix.wav"), Arrays.copyOf(a.channels()[0], n), a.sampleRate(), WavEncoding.PCM_16);
            Score s = Score.read(RENDERED.resolve(piece).resolve("score.csv"));
            CsvScores.write(s.filter(note -> note.end() <= seconds), d.resolve("score.csv"));
            lines.add(piece + "," + piece + "/mix.wav," + piece + "/score.csv");
        }
        Path bad = Files.createDirectories(dir.resolve(CORRUPT));
        Files.writeString(bad.resolve("mix.wav"), "this is no WAV file, only text");
        Files.copy(dir.resolve(PIECES.get(0)).resolve("score.csv"), bad.resolve("score.csv"));
        lines.add(CORRUPT + "," + CORRUPT + "/mix.wav," + CORRUPT + "/score.csv");
        Path empty = Files.createDirectories(dir.resolve(EMPTY_SCORE));
        Files.copy(dir.resolve(PIECES.get(0)).resolve("mix.wav"), empty.resolve("mix.wav"));
        Files.writeString(empty.resolve("score.csv"), CsvScores.HEADER + "\n");
        lines.add(EMPTY_SCORE + "," + EMPTY_SCORE + "/mix.wav," + EMPTY_SCORE + "/score.csv");
        Path manifest = dir.resolve("manifest.csv");
        Files.write(manifest, lines);
        return manifest;
    }
}
