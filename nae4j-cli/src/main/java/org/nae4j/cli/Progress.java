package org.nae4j.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nae4j.model.ProgressListener;

/** A progress bar on stderr (iterations, iterations/s, ETA), or nothing when quiet. */
final class Progress implements ProgressListener, AutoCloseable {
    private static final int UPDATE_MILLIS = 250;
    private final ProgressBar bar;

    Progress(String task, int total, boolean quiet) {
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" it", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .build();
    }

    @Override
    public void progress(int done, int total, double seconds) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
