package org.nae4j.alignment;

/**
 * A DTW warping path between the feature frames of a score (rendered) and of a recording, from (0, 0) to
 * (last score frame, last audio frame), with steps (1,0), (0,1) and (1,1). Frame n is at n·frameSeconds
 * seconds in its own time line. Immutable; the arrays are returned as copies.
 *
 * @param scoreFrames  score frame of each point, non-decreasing
 * @param audioFrames  audio frame of each point, non-decreasing
 * @param frameSeconds seconds between feature frames (&gt; 0)
 */
public record WarpingPath(int[] scoreFrames, int[] audioFrames, double frameSeconds) {
    public WarpingPath {
        if (scoreFrames.length == 0 || scoreFrames.length != audioFrames.length) {
            throw new IllegalArgumentException("a warping path needs as many score as audio frames, at least one");
        }
        if (!(frameSeconds > 0)) {
            throw new IllegalArgumentException("frame spacing must be > 0 s, got " + frameSeconds);
        }
        if (scoreFrames[0] != 0 || audioFrames[0] != 0) {
            throw new IllegalArgumentException("a warping path starts at (0, 0)");
        }
        for (int p = 1; p < scoreFrames.length; p++) {
            int ds = scoreFrames[p] - scoreFrames[p - 1];
            int da = audioFrames[p] - audioFrames[p - 1];
            if (ds < 0 || ds > 1 || da < 0 || da > 1 || ds + da == 0) {
                throw new IllegalArgumentException("step " + p + " of the warping path is (" + ds + ", " + da
                        + "); allowed are (1,0), (0,1) and (1,1)");
            }
        }
        scoreFrames = scoreFrames.clone();
        audioFrames = audioFrames.clone();
    }

    @Override
    public int[] scoreFrames() {
        return scoreFrames.clone();
    }

    @Override
    public int[] audioFrames() {
        return audioFrames.clone();
    }

    /** Number of points. */
    public int length() {
        return scoreFrames.length;
    }

    /** Score time of point p in seconds. */
    public double scoreSeconds(int p) {
        return scoreFrames[p] * frameSeconds;
    }

    /** Audio time of point p in seconds. */
    public double audioSeconds(int p) {
        return audioFrames[p] * frameSeconds;
    }
}
