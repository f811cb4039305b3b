import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.nae4j.Analysis;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Factorization;
import org.nae4j.model.Method;
import org.nae4j.model.Nae;
import org.nae4j.model.NaeMultiplicative;
import org.nae4j.model.NaeOptions;
import org.nae4j.model.Nmf;
import org.nae4j.model.Workers;

/**
 * Compiled against one build of nae4j and loaded beside it in its own class loader by {@code PairedBuilds}:
 * makes one model of a method on the masked path and hands back its step.
 */
public final class Driver {
    private static Analysis analysis;

    private Driver() {
    }

    /** One masked-path model of {@code method} on the recording; the supplier runs one iteration. */
    public static IntSupplier create(String audio, String score, String method, int threads) throws Exception {
        if (analysis == null) {
            analysis = Analysis.of(Path.of(audio), Path.of(score), ConstraintOptions.DEFAULT);
        }
        Workers par = Workers.create(threads);
        Method m = Method.parse(method);
        var v = analysis.magnitude();
        var c = analysis.constraints();
        Factorization f = switch (m) {
            case NMF -> new Nmf(v, c, par, KernelChoice.MASKED);
            case NAE_MU -> new NaeMultiplicative(v, c, NaeOptions.DEFAULT.init(), 1, par, KernelChoice.MASKED);
            default -> new Nae(v, c, NaeOptions.DEFAULT.init(), 1, NaeOptions.DEFAULT.optimizer(m), par,
                    KernelChoice.MASKED);
        };
        return () -> {
            f.step();
            return 0;
        };
    }
}
