package org.nae4j.alignment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nae4j.audio.AudioLoader;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

/** Measures onset errors on the rendered pieces: java -cp ... org.nae4j.alignment.AlignmentBench [seconds]. */
public final class AlignmentBench {
    public static void main(String[] args) {
        double crop = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        AlignOptions o = AlignOptions.DEFAULT;
        if (args.length > 1) o = o.withOnsetWeight(Double.parseDouble(args[1]));
        if (args.length > 2) o = o.withDiagonalWeight(Double.parseDouble(args[2]));
        if (args.length > 3) o = o.withBandRadius(Integer.parseInt(args[3]));
        if (args.length > 4) o = o.withFeatureRateHz(Double.parseDouble(args[4]));
        for (String piece : new String[]{"satie-gymnopedie-no1-excerpt", "bach-prelude-bwv846", "mozart-k545-mvt1-excerpt", "long-joplin-the-entertainer"}) {
            Path dir = Path.of("../shared/data/rendered", piece);
            float[] x = AudioLoader.loadMono(dir.resolve("mix.wav"), 22050);
            Score truth = Score.read(dir.resolve("score.csv"));
            if (crop > 0) {
                final double c0 = crop;
                double cut = truth.notes().stream().mapToDouble(Note::start).filter(t -> t >= c0).min().orElse(truth.end());
                truth = new Score(truth.notes().stream().filter(n -> n.start() < cut)
                        .map(n -> new Note(n.start(), Math.min(n.end(), cut) - n.start(), n.pitch(), n.velocity(), n.instrument())).toList());
                x = Arrays.copyOf(x, (int) Math.min(x.length, cut * 22050));
            }
            for (long seed = 1; seed <= 3; seed++) {
                TempoDistortion d = new TempoDistortion(truth.end() + 10, 0.2, 20, 0.1, 0.3, seed);
                Score distorted = d.apply(truth);
                long t0 = System.nanoTime();
                AlignmentResult r = Alignment.align(x, 22050, distorted, o);
                double sec = (System.nanoTime() - t0) / 1e9;
                double[] e = TempoDistortion.onsetErrors(r.aligned(), truth);
                if (System.getenv("SHOW") != null) for (int i = 0; i < e.length; i++) if (e[i] > 0.15) System.out.printf(Locale.ROOT, "   note %d pitch %d true %.3f distorted %.3f aligned %.3f%n", i, truth.notes().get(i).pitch(), truth.notes().get(i).start(), distorted.notes().get(i).start(), r.aligned().notes().get(i).start());
                double signed = 0; for (int i = 0; i < e.length; i++) signed += r.aligned().notes().get(i).start() - truth.notes().get(i).start();
                System.out.printf(Locale.ROOT, "   signed mean %.1f ms%n", 1000 * signed / e.length);
                double[] e0 = TempoDistortion.onsetErrors(distorted, truth);
                System.out.printf(Locale.ROOT, "%-30s seed %d: unaligned mean %.3f s; aligned mean %.1f ms median %.1f ms p95 %.1f ms max %.1f ms; %.2f s, levels %d, peak cells %d%n",
                        piece, seed, TempoDistortion.mean(e0), 1000 * TempoDistortion.mean(e), 1000 * TempoDistortion.quantile(e, 0.5),
                        1000 * TempoDistortion.quantile(e, 0.95), 1000 * TempoDistortion.quantile(e, 1), sec, r.levels(), r.peakCells());
            }
        }
    }
}
