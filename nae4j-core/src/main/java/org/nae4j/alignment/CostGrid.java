package org.nae4j.alignment;

/**
 * The local cost of an alignment between score frames (rows) and recording frames (columns), both feature
 * sequences pooled by the same factor so that neither side exceeds a given number of cells: what the
 * alignment plot draws (module nae4j-plot), computed here because the features and the DTW cost are internal
 * to this package. Arrays are row-major and not copied.
 *
 * @param cost             {@code rows · cols} local costs, row-major
 * @param rows             pooled score frames
 * @param cols             pooled recording frames
 * @param factor           frames per pooled cell (≥ 1)
 * @param frameSeconds     seconds between pooled cells
 * @param fineFrameSeconds seconds between the frames before pooling
 */
public record CostGrid(float[] cost, int rows, int cols, int factor, double frameSeconds, double fineFrameSeconds) {

    /**
     * The pooled local costs of {@code r}, at most {@code maxCells} cells per side.
     *
     * @param maxCells the most cells per side, &gt; 0
     */
    public static CostGrid of(AlignmentResult r, int maxCells) {
        if (maxCells <= 0) {
            throw new IllegalArgumentException("maxCells must be > 0, got " + maxCells);
        }
        Features s = r.scoreFeatures();
        Features a = r.audioFeatures();
        int factor = Math.max(1, (int) Math.ceil(Math.max(s.frames(), a.frames()) / (double) maxCells));
        Features sc = s.downsample(factor);
        Features ac = a.downsample(factor);
        float[] x = Dtw.frameMajor(sc);
        float[] y = Dtw.frameMajor(ac);
        int rows = sc.frames();
        int cols = ac.frames();
        float[] cost = new float[rows * cols];
        double wo = r.options().onsetWeight();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cost[i * cols + j] = (float) Dtw.cost(x, i, y, j, wo);
            }
        }
        return new CostGrid(cost, rows, cols, factor, sc.frameSeconds(), s.frameSeconds());
    }
}
