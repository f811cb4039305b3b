package org.nae4j.alignment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nae4j.audio.AudioLoader;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

/**
 * Onset errors of the alignment on the rendered pieces of ../shared/data, with the distortion of the tests
 * (seeds 1–3; seed 0 is the identity: the exact score aligned to its own audio, which should move nothing). Arguments: [crop seconds, 0 = whole piece (default 60)] [onset weight (default 1)]
 * [diagonal weight (default 1)] [band radius (default 8)] [feature rate Hz (default 50)].
 * Run from the repository root: {@code mvn -Pjmh -DskipTests package exec:exec
 * -Djmh.main=org.nae4j.alignment.AlignmentBench -Djmh.args=60} (docs/alignment.md).
 */
public final class AlignmentBench {
    private static final int RATE = 22050;
    private static final String[] PIECES = {"satie-gymnopedie-no1-excerpt", "bach-prelude-bwv846",
        "mozart-k545-mvt1-excerpt", "long-joplin-the-entertainer"};
    private static final int SEEDS = 3;

    private AlignmentBench() {
    }

    public static void main(String[] args) {
        double crop = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        AlignOptions o = AlignOptions.DEFAULT;
        if (args.length > 1) {
            o = o.withOnsetWeight(Double.parseDouble(args[1]));
        }
        if (args.length > 2) {
            o = o.withDiagonalWeight(Double.parseDouble(args[2]));
        }
        if (args.length > 3) {
            o = o.withBandRadius(Integer.parseInt(args[3]));
        }
        if (args.length > 4) {
            o = o.withFeatureRateHz(Double.parseDouble(args[4]));
        }
        System.out.println("piece;seed;notes;unaligned_mean_ms;mean_ms;median_ms;p95_ms;max_ms;signed_mean_ms;signed_median_ms;seconds");
        for (String piece : PIECES) {
            Path dir = Path.of("../shared/data/rendered", piece);
            float[] x = AudioLoader.loadMono(dir.resolve("mix.wav"), RATE);
            Score truth = Score.read(dir.resolve("score.csv"));
            if (crop > 0) {
                double cut = truth.notes().stream().mapToDouble(Note::start).filter(t -> t >= crop).min()
                        .orElse(truth.end());
                truth = new Score(truth.notes().stream().filter(n -> n.start() < cut)
                        .map(n -> new Note(n.start(), Math.min(n.end(), cut) - n.start(), n.pitch(), n.velocity(),
                                n.instrument())).toList());
                x = Arrays.copyOf(x, (int) Math.min(x.length, Math.round(cut * RATE)));
            }
            for (long seed = 0; seed <= SEEDS; seed++) {
                TempoDistortion d = new TempoDistortion(truth.end() + 10, 0.2, 20, 0.1, 0.3, seed);
                Score distorted = seed == 0 ? truth : d.apply(truth);
                long t0 = System.nanoTime();
                AlignmentResult r = Alignment.align(x, RATE, distorted, o);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] e = TempoDistortion.onsetErrors(r.aligned(), truth);
                double[] signed = TempoDistortion.signedOnsetErrors(r.aligned(), truth);
                System.out.printf(Locale.ROOT, "%s;%d;%d;%.0f;%.1f;%.1f;%.1f;%.1f;%.1f;%.1f;%.2f%n", piece, seed, e.length,
                        1000 * TempoDistortion.mean(TempoDistortion.onsetErrors(distorted, truth)),
                        1000 * TempoDistortion.mean(e), 1000 * TempoDistortion.quantile(e, 0.5),
                        1000 * TempoDistortion.quantile(e, 0.95), 1000 * TempoDistortion.quantile(e, 1),
                        1000 * TempoDistortion.mean(signed), 1000 * TempoDistortion.quantile(signed, 0.5), seconds);
            }
        }
    }
}
