package org.nae4j.fuzz;

import java.nio.file.Path;
import java.util.List;
import org.nae4j.audio.AudioLoader;
import org.nae4j.score.CsvScores;
import org.nae4j.score.MidiScores;
import org.nae4j.spectral.StftParams;

/** A parser under fuzzing: how to read a file with it, its seeds and its header fields. */
enum Target {
    /** The whole audio path the commands take: WAV parsing, checks, down-mix and resampling. */
    WAV("wav") {
        @Override
        void read(Path file) {
            AudioLoader.load(file, StftParams.DEFAULT_SAMPLE_RATE);
        }

        @Override
        List<byte[]> seeds(Path dir) {
            return Seeds.wav();
        }

        @Override
        List<int[]> fields(byte[] seed) {
            return Seeds.wavFields(seed);
        }

        @Override
        List<byte[]> tokens() {
            return Mutator.WAV_TOKENS;
        }
    },
    MIDI("mid") {
        @Override
        void read(Path file) {
            MidiScores.read(file);
        }

        @Override
        List<byte[]> seeds(Path dir) throws Exception {
            return Seeds.midi(dir);
        }

        @Override
        List<int[]> fields(byte[] seed) {
            return Seeds.midiFields(seed);
        }

        @Override
        List<byte[]> tokens() {
            return Mutator.MIDI_TOKENS;
        }
    },
    CSV("csv") {
        @Override
        void read(Path file) {
            CsvScores.read(file);
        }

        @Override
        List<byte[]> seeds(Path dir) throws Exception {
            return Seeds.csv(dir);
        }

        @Override
        List<int[]> fields(byte[] seed) {
            return List.of();
        }

        @Override
        List<byte[]> tokens() {
            return Mutator.TEXT_TOKENS;
        }
    };

    /** File extension, also the corpus folder's name under src/test/resources/fuzz/. */
    final String extension;

    Target(String extension) {
        this.extension = extension;
    }

    abstract void read(Path file);

    abstract List<byte[]> seeds(Path dir) throws Exception;

    abstract List<int[]> fields(byte[] seed);

    /** Byte strings with a meaning in the format, for the mutator to insert. */
    abstract List<byte[]> tokens();
}
