package org.nae4j.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nae4j.InvalidInputException;

/**
 * One recording of an experiment's data folder: a sub-folder holding one audio file and its aligned score
 * (the layout of {@code shared/data/rendered}: {@code mix.wav} or the only other WAV that is not a stem,
 * and {@code score.csv} or {@code score.mid}).
 *
 * @param name  the sub-folder's name
 * @param audio the recording
 * @param score its score
 */
public record Recording(String name, Path audio, Path score) {
    /** Stems of the rendered pieces, which are references for separation, not recordings. */
    private static final List<String> STEMS = List.of("left.wav", "right.wav", "residual.wav");

    /** The recordings in {@code data}, sorted by name; sub-folders without audio or score are skipped. */
    public static List<Recording> discover(Path data) {
        if (!Files.isDirectory(data)) {
            throw InvalidInputException.of(data, "is not a folder of recordings");
        }
        List<Recording> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(data)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path audio = findAudio(d);
                Path score = findScore(d);
                if (audio != null && score != null) {
                    out.add(new Recording(d.getFileName().toString(), audio, score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of(data, "holds no recording: expected sub-folders with a WAV file and "
                    + "score.csv or score.mid");
        }
        return out;
    }

    private static Path findAudio(Path dir) throws IOException {
        for (String name : List.of("mix.wav", "audio.wav")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> wavs = files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".wav") && !STEMS.contains(n);
            }).toList();
            return wavs.size() == 1 ? wavs.get(0) : null;
        }
    }

    private static Path findScore(Path dir) {
        for (String name : List.of("score.csv", "score.mid", "score.midi")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }
}
