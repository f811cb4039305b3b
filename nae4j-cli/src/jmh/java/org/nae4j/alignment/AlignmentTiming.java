package org.nae4j.alignment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nae4j.audio.AudioLoader;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

/**
 * Times the alignment of a 10-minute piece: The Entertainer (../shared/data, 254.9 s) played 3 times in a
 * row and cut at the first onset at or after 600 s, its score distorted as in the tests.
 * Run from the repository root: {@code mvn -Pjmh -DskipTests package exec:exec
 * -Djmh.main=org.nae4j.alignment.AlignmentTiming -Djmh.args= -Djmh.jvmArgs=-Xmx400m} (docs/alignment.md).
 */
public final class AlignmentTiming {
    private static final int RATE = 22050;
    private static final double TARGET_SECONDS = 600;
    private static final int REPEATS = 3;

    private AlignmentTiming() {
    }

    public static void main(String[] args) {
        Path dir = Path.of("../shared/data/rendered/long-joplin-the-entertainer");
        float[] one = AudioLoader.loadMono(dir.resolve("mix.wav"), RATE);
        Score piece = Score.read(dir.resolve("score.csv"));
        double length = one.length / (double) RATE;
        List<Note> notes = new ArrayList<>();
        for (int k = 0; k < REPEATS; k++) {
            for (Note n : piece.notes()) {
                notes.add(new Note(n.start() + k * length, n.duration(), n.pitch(), n.velocity(), n.instrument()));
            }
        }
        Score looped = new Score(notes);
        double cut = looped.notes().stream().mapToDouble(Note::start).filter(t -> t >= TARGET_SECONDS).min()
                .orElse(looped.end());
        Score truth = new Score(looped.notes().stream().filter(n -> n.start() < cut)
                .map(n -> new Note(n.start(), Math.min(n.end(), cut) - n.start(), n.pitch(), n.velocity(),
                        n.instrument())).toList());
        int samples = (int) Math.round(cut * RATE);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = one[i % one.length];
        }
        one = null;
        TempoDistortion warp = new TempoDistortion(truth.end() + 10, 0.2, 20, 0.1, 0.3, 1);
        Score distorted = warp.apply(truth);
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        AlignmentResult r = Alignment.align(x, RATE, distorted, AlignOptions.DEFAULT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peakHeap += p.getPeakUsage().getUsed();
            }
        }
        double[] e = TempoDistortion.onsetErrors(r.aligned(), truth);
        long product = (long) r.scoreFeatures().frames() * r.audioFeatures().frames();
        System.out.printf(Locale.ROOT, "%.1f s of audio, %d notes: aligned in %.2f s (CPU %.2f s); DTW %d levels, %d cells in all, "
                        + "at most %d at once (%.2f %% of the %d-cell full matrix); heap peak during align %.0f MB (max heap %.0f MB)%n",
                cut, truth.size(), seconds, cpuSeconds, r.levels(), r.cells(), r.peakCells(), 100.0 * r.peakCells() / product, product,
                peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "onset error: mean %.1f ms, median %.1f ms, 95th percentile %.1f ms, max %.1f ms%n",
                1000 * TempoDistortion.mean(e), 1000 * TempoDistortion.quantile(e, 0.5),
                1000 * TempoDistortion.quantile(e, 0.95), 1000 * TempoDistortion.quantile(e, 1));
    }
}
