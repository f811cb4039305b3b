package org.nae4j.model;

/** Receives progress of a long run; called from the thread that runs it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, seconds) -> { };

    /**
     * @param done    iterations finished so far
     * @param total   iterations in the run
     * @param seconds training seconds elapsed
     */
    void progress(int done, int total, double seconds);

    /**
     * Called when components collapse (method §4): pitches whose activations are all zero although H^C allows
     * them, checked whenever the errors are recorded and reported again only when the set grows. If
     * {@code pitches.length == total}, V̂ = 0 and the run has failed. The default ignores it.
     *
     * @param iteration the iteration at which it was detected
     * @param pitches   the MIDI pitches that are dead now, ascending
     * @param total     R, the number of pitches
     */
    default void collapse(int iteration, int[] pitches, int total) {
    }
}
