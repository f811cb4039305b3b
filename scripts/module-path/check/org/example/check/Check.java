package org.example.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.Results;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Method;
import org.nae4j.score.Examples;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

public class Check {
    public static void main(String[] args) throws Exception {
        Score score = Examples.bundledScore();
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        float[] x = Synth.render(score, rate, SynthOptions.DEFAULT);
        Analysis a = Analysis.of(x, rate, score, StftParams.DEFAULT, ConstraintOptions.DEFAULT, Path.of("a.wav"), Path.of("s.csv"));
        DecompositionResult r = Decomposition.fit(a.magnitude(), a.constraints(),
                DecompositionOptions.defaults(Method.NAE_ADAM).withIterations(20).withThreads(2));
        Path out = Files.createTempDirectory("mp").resolve("results");
        Results.write(out, r, Map.of("m", "nae-adam"), null);
        System.out.println("module " + Check.class.getModule().getName() + ", core in " + Analysis.class.getModule()
                + ", kernel " + KernelChoice.describeSimd() + ", error " + r.errors().relativeL1() + ", files "
                + Files.list(out).count());
    }
}
