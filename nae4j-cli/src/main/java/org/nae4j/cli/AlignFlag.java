package org.nae4j.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --align} flag of the commands that take {@code --score}, with the alignment settings.
 * Mix it in and hand {@link #align} and {@link #settings} to {@link Aligner#prepare}.
 */
final class AlignFlag {
    @Option(names = "--align",
            description = "The score is not aligned to the recording (e.g. a MIDI file of the piece): align it first "
                    + "(chroma + onset features, multiscale DTW) and write the aligned score as "
                    + Aligner.ALIGNED_SCORE_FILE + " (and, unless --no-plots, plots/" + Aligner.PLOT_FILE + ") into the "
                    + "output folder.")
    boolean align;

    @Mixin
    AlignmentOptions settings = new AlignmentOptions();
}
