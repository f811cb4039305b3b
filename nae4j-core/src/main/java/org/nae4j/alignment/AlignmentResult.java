package org.nae4j.alignment;

import java.util.Objects;
import org.nae4j.score.Score;

/**
 * The outcome of {@link Alignment#align}.
 *
 * @param aligned        the score with every onset and offset moved into audio time
 * @param original       the score as given (score time)
 * @param path           the warping path between score frames and audio frames
 * @param map            the score-time → audio-time map derived from the path
 * @param scoreFeatures  features of the rendered score (rows of the cost matrix)
 * @param audioFeatures  features of the recording (columns of the cost matrix)
 * @param meanCost       accumulated cost divided by the path length (0 = perfect match; chroma cost ≤ 1
 *                       plus the weighted onset cost)
 * @param cells          DTW cells evaluated over all levels
 * @param peakCells      the most DTW cells held at once (one step byte each): bounds the memory
 * @param levels         levels of the multiscale DTW (1 = plain DTW)
 * @param options        the settings used
 */
public record AlignmentResult(Score aligned, Score original, WarpingPath path, TimeMap map,
                              Features scoreFeatures, Features audioFeatures, double meanCost,
                              long cells, long peakCells, int levels, AlignOptions options) {
    public AlignmentResult {
        Objects.requireNonNull(aligned, "aligned");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(scoreFeatures, "scoreFeatures");
        Objects.requireNonNull(audioFeatures, "audioFeatures");
        Objects.requireNonNull(options, "options");
    }
}
