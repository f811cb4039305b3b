package org.nae4j.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.nae4j.model.ProgressListener;

/**
 * A progress bar on stderr (iterations, the recent rate, ETA), or nothing when quiet. The rate and the ETA
 * come from the last few seconds, not from the start: the first iterations of a JVM run slower while the
 * JIT compiles the kernels, and an average from the start would overstate the time left.
 */
final class Progress implements ProgressListener, AutoCloseable {
    private static final int UPDATE_MILLIS = 250;
    /** The rate is measured over this many recent samples, one taken per update interval at most. */
    private static final int WINDOW = 8;
    private final ProgressBar bar;
    private final long[] sampleNanos = new long[WINDOW];
    private final int[] sampleDone = new int[WINDOW];
    private int samples;
    private volatile double rate = Double.NaN;
    private volatile int remaining;

    Progress(String task, int total, boolean quiet) {
        this.remaining = total;
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" it", 1)
                .setEtaFunction(this::eta)
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .build();
    }

    @Override
    public void progress(int done, int total, double seconds) {
        if (bar == null) {
            return;
        }
        long now = System.nanoTime();
        int last = (samples + WINDOW - 1) % WINDOW;
        if (samples == 0 || now - sampleNanos[last] >= UPDATE_MILLIS * 1_000_000L) {
            int slot = samples % WINDOW;
            sampleNanos[slot] = now;
            sampleDone[slot] = done;
            samples++;
            // The oldest sample still kept: the first until the window is full, then the one after this.
            int oldest = samples <= WINDOW ? 0 : (slot + 1) % WINDOW;
            if (samples > 1) {
                double dt = (now - sampleNanos[oldest]) * 1e-9;
                rate = dt > 0 ? (done - sampleDone[oldest]) / dt : Double.NaN;
                bar.setExtraMessage(String.format(Locale.ROOT, "%.1f it/s", rate));
            }
        }
        remaining = total - done;
        bar.stepTo(done);
    }

    /** The time left at the recent rate; none until the rate is known. */
    private Optional<Duration> eta(ProgressState state) {
        double r = rate;
        if (!(r > 0)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (1000 * remaining / r)));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
