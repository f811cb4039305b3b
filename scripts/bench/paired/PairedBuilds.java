import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Compares two builds of nae4j in one JVM, so that both see the same drift of a shared machine: each build
 * in its own class loader with its own model; per round, {@value #TIMED} iterations of one after
 * {@value #SETTLE} untimed ones, then the same for the other (the order alternating by round). Prints per
 * method both medians and the median of the per-round ratios second/first. See paired-builds.sh.
 */
public final class PairedBuilds {
    private static final int WARMUP = 40;
    private static final int SETTLE = 3;
    private static final int TIMED = 10;

    private PairedBuilds() {
    }

    /** Args: jar1 drivers1 jar2 drivers2 audio score methods threads rounds. */
    public static void main(String[] a) throws Exception {
        String[] methods = a[6].split(",");
        int threads = Integer.parseInt(a[7]);
        int rounds = Integer.parseInt(a[8]);
        for (String m : methods) {
            IntSupplier[] step = new IntSupplier[2];
            for (int j = 0; j < 2; j++) {
                URL[] urls = {Path.of(a[2 * j + 1]).toUri().toURL(), Path.of(a[2 * j]).toUri().toURL()};
                ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
                step[j] = (IntSupplier) cl.loadClass("Driver")
                        .getMethod("create", String.class, String.class, String.class, int.class)
                        .invoke(null, a[4], a[5], m, threads);
                for (int i = 0; i < WARMUP; i++) {
                    step[j].getAsInt();
                }
            }
            double[][] ms = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int j = r % 2 == 0 ? k : 1 - k;
                    for (int i = 0; i < SETTLE; i++) {
                        step[j].getAsInt();
                    }
                    long t0 = System.nanoTime();
                    for (int i = 0; i < TIMED; i++) {
                        step[j].getAsInt();
                    }
                    ms[j][r] = (System.nanoTime() - t0) * 1e-6 / TIMED;
                }
            }
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = ms[1][r] / ms[0][r];
            }
            System.out.printf("%s %.3f %.3f %.4f%n", m, median(ms[0]), median(ms[1]), median(ratio));
        }
        System.exit(0);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
