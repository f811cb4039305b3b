package org.nae4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavHeader;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.InputFiles;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Memory;
import org.nae4j.io.Printable;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/**
 * The checks of a recording's inputs on the driver, before any task starts: the audio's WAV header, the score,
 * and whether the recording fits in the memory of a task. A recording that fails them is a failed row with the
 * message the command line prints, and is never sent to an executor.
 */
final class Precheck {
    /** Heap that Spark keeps for itself in every executor (its "reserved memory"). */
    static final long SPARK_RESERVED_BYTES = 300L << 20;
    /** Besides the arrays counted below: the JVM's and the kernels' fixed needs. */
    private static final long FIXED_BYTES = 64L << 20;
    /**
     * Arrays of K x N floats (X, V, the model, the kernels' buffers) and of the recording's length (decoded,
     * mixed, resampled) a task holds at once, with a margin of 1.2-1.6x over what the long rendered piece
     * needed (docs/spark.md): decompose and encode, then separate (masks, inverse STFT, the groups' signals).
     */
    private static final int[] DECOMPOSE_COPIES = {4, 2};
    private static final int[] SEPARATE_COPIES = {20, 8};

    private final Configuration conf;
    private final String task;
    private final StftParams stft;
    private final long bytesPerTask;
    private final String memoryHint;

    /**
     * @param bytesPerTask the heap one task may use
     * @param memoryHint   what to raise, for the message when a recording does not fit
     */
    Precheck(Configuration conf, String task, StftParams stft, long bytesPerTask, String memoryHint) {
        this.conf = conf;
        this.task = task;
        this.stft = stft;
        this.bytesPerTask = bytesPerTask;
        this.memoryHint = memoryHint;
    }

    /** Thrown for a recording that fails a check; its message is what the command line would print. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** Checks {@code e}'s inputs; returns its duration in seconds. */
    double check(Manifest.Entry e) throws Failed {
        try {
            WavHeader h = header(e.audio());
            score(e.score());
            if (e.model() != null) {
                Path m = new Path(URI.create(e.model()));
                if (!m.getFileSystem(conf).exists(m)) {
                    throw InvalidInputException.of(label(e.model()), "model folder not found");
                }
            }
            long need = bytesNeeded(task, h, stft);
            if (need > bytesPerTask) {
                throw InvalidInputException.of(label(e.audio()), String.format(Locale.ROOT,
                        "%.1f min of audio needs ~%s, more than the %s a task has; %s", h.seconds() / 60,
                        Memory.format(need), Memory.format(bytesPerTask), memoryHint));
            }
            return h.seconds();
        } catch (InvalidInputException | java.io.UncheckedIOException x) {
            throw new Failed("nae4j: error: " + Printable.escape(x.getMessage()));
        } catch (IOException x) {
            throw new Failed("nae4j: error: " + Printable.escape(e.id() + ": " + x.getMessage()));
        }
    }

    /** The heap a task of {@code task} needs for a recording (docs/spark.md: measured per minute of audio). */
    static long bytesNeeded(String task, WavHeader h, StftParams stft) {
        int[] copies = task.equals("separate") ? SEPARATE_COPIES : DECOMPOSE_COPIES;
        long samples = (long) Math.ceil(h.seconds() * StftParams.DEFAULT_SAMPLE_RATE);
        long frames = samples / stft.hop() + 1;
        long spectrogram = (long) stft.bins() * frames * Float.BYTES;
        long signal = Math.max(samples, h.frames() * h.channels()) * Float.BYTES;
        return FIXED_BYTES + copies[0] * spectrogram + copies[1] * signal;
    }

    private WavHeader header(String uri) throws IOException {
        Path p = new Path(URI.create(uri));
        FileSystem fs = p.getFileSystem(conf);
        java.nio.file.Path label = label(uri);
        if (!fs.exists(p)) {
            throw InvalidInputException.of(label, "file not found");
        }
        FileStatus st = fs.getFileStatus(p);
        if (st.isDirectory()) {
            throw InvalidInputException.of(label, "is a directory, not a WAV file");
        }
        try (FSDataInputStream in = fs.open(p)) {
            return Wav.probe(label, new Channel(in, st.getLen()));
        }
    }

    private void score(String uri) throws IOException {
        Path p = new Path(URI.create(uri));
        FileSystem fs = p.getFileSystem(conf);
        java.nio.file.Path label = label(uri);
        if (!fs.exists(p)) {
            throw InvalidInputException.of(label, "file not found");
        }
        if (fs.getFileStatus(p).getLen() > InputFiles.MAX_SCORE_BYTES) {
            throw InvalidInputException.of(label, "is larger than " + Memory.format(InputFiles.MAX_SCORE_BYTES)
                    + ", too large for a score");
        }
        Score s;
        if ("file".equals(p.toUri().getScheme())) {
            s = Score.read(label);
        } else {
            // Score.read reads local files: a copy under the score's own name, whose messages name the URI.
            java.nio.file.Path dir = Files.createTempDirectory("nae4j-precheck-");
            try {
                java.nio.file.Path local = dir.resolve(p.getName());
                try (InputStream in = fs.open(p)) {
                    Files.copy(in, local);
                }
                try {
                    s = Score.read(local);
                } catch (InvalidInputException x) {
                    throw new InvalidInputException(x.getMessage().replace(local.toString(), uri));
                }
            } finally {
                AtomicFiles.deleteTree(dir);
            }
        }
        if (s.isEmpty()) {
            throw InvalidInputException.of(label, "the score has no notes");
        }
    }

    /** How a message names an input: the local path as the command line shows it, or the URI. */
    static java.nio.file.Path label(String uri) {
        URI u = URI.create(uri);
        return "file".equals(u.getScheme()) ? java.nio.file.Path.of(u) : java.nio.file.Path.of(uri);
    }

    /** A Hadoop input stream seen as a channel, for the WAV header parser. */
    private static final class Channel implements SeekableByteChannel {
        private final FSDataInputStream in;
        private final long size;

        Channel(FSDataInputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            byte[] b = new byte[dst.remaining()];
            int n = in.read(b, 0, b.length);
            if (n > 0) {
                dst.put(b, 0, n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            return in.getPos();
        }

        @Override
        public SeekableByteChannel position(long p) throws IOException {
            in.seek(p);
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long s) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // the stream is closed by its owner
        }
    }
}
