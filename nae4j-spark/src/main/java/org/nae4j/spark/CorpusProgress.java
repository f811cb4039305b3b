package org.nae4j.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Recordings done / failed / total with an ETA on stderr, a line each time a recording finishes. Listens to
 * the driver's task events: a task's result (done or failed) comes from the accumulator it added to.
 */
final class CorpusProgress extends SparkListener {
    static final String DONE = "nae4j.done";
    static final String FAILED = "nae4j.failed";

    private final PrintWriter err;
    private final int total;
    private final int doneBefore;
    private final int failedBefore;
    private final double[] seconds;
    private final double totalSeconds;
    private final long start = System.nanoTime();
    private final boolean[] finished;
    private int done;
    private int failed;
    private double finishedSeconds;

    /**
     * @param seconds the duration of each task's recording, by partition (= task index)
     */
    CorpusProgress(PrintWriter err, int total, int doneBefore, int failedBefore, double[] seconds) {
        this.err = err;
        this.total = total;
        this.doneBefore = doneBefore;
        this.failedBefore = failedBefore;
        this.seconds = seconds.clone();
        this.finished = new boolean[seconds.length];
        double sum = 0;
        for (double s : seconds) {
            sum += Math.max(s, 1e-3);
        }
        this.totalSeconds = sum;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        int index = e.taskInfo().index();
        if (!(e.reason() instanceof Success$) || index >= finished.length || finished[index]) {
            // A lost task runs again and is counted then.
            return;
        }
        finished[index] = true;
        finishedSeconds += Math.max(seconds[index], 1e-3);
        if (updated(e, FAILED)) {
            failed++;
        } else {
            done++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int left = seconds.length - done - failed;
        String eta = left == 0 ? "" : String.format(Locale.ROOT, " (%d to go, about %s left)", left,
                duration(elapsed * (totalSeconds - finishedSeconds) / finishedSeconds));
        err.printf(Locale.ROOT, "corpus: %d done, %d failed of %d%s%n", doneBefore + done, failedBefore + failed,
                total, eta);
        err.flush();
    }

    private static boolean updated(SparkListenerTaskEnd e, String name) {
        List<AccumulableInfo> infos = CollectionConverters.asJava(e.taskInfo().accumulables());
        for (AccumulableInfo a : infos) {
            if (a.name().isDefined() && name.equals(a.name().get()) && a.update().isDefined()
                    && a.update().get() instanceof Number n && n.longValue() > 0) {
                return true;
            }
        }
        return false;
    }

    static String duration(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 5400) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
