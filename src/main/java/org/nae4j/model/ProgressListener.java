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
}
