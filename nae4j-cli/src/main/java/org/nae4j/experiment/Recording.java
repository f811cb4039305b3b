package org.nae4j.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Printable;

/**
 * One recording of an experiment's data folder: a sub-folder holding one audio file and its aligned score
 * (the layout of {@code shared/data/rendered}: {@code mix.wav}, {@code audio.wav} or the only other WAV that
 * is not a stem such as {@code left.wav}, and {@code score.csv} or {@code score.mid}; a folder with several
 * other WAV files is an error, since which one is the recording cannot be guessed).
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
            throw new UncheckedIOException("cannot list " + data + ": " + org.nae4j.io.IoErrors.reason(e), e);
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
            if (wavs.size() > 1) {
                throw InvalidInputException.of(dir, "holds " + wavs.size() + " WAV files ("
                        + String.join(", ", wavs.stream().map(w -> Printable.escape(w.getFileName().toString())).sorted().toList())
                        + ") and none is named mix.wav: keep one recording per folder, or name it mix.wav");
            }
            return wavs.isEmpty() ? null : wavs.get(0);
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
