package org.nae4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.AtomicFiles;
import org.nae4j.model.Method;

/**
 * The dense NumPy float32 implementation of the same updates (scripts/bench/dense_numpy.py, shipped in the
 * jar), run as a child process with the same thread count, so that `nae4j bench --numpy` compares nae4j
 * with it in one command. NumPy's BLAS gets the threads through OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
 * MKL_NUM_THREADS; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the child's environment (they
 * tune old OpenBLAS builds and slow a current one down). The script reads 22050 Hz 16-bit PCM WAV and CSV
 * scores with the default analysis parameters.
 */
public final class NumpyBaseline {
    private static final String SCRIPT = "dense_numpy.py";
    private static final Pattern RESULT = Pattern.compile(
            "\"method\"\\s*:\\s*\"([a-z-]+)\"\\s*,\\s*\"dense_numpy_ms_per_iteration\"\\s*:\\s*([0-9.eE+-]+)");
    /** Lines of the script's output quoted in an error message. */
    private static final int ERROR_LINES = 5;

    private NumpyBaseline() {
    }

    /**
     * Median ms/iteration of each method in dense NumPy (5 rounds of {@code iterations}, after 5 warm-up
     * iterations).
     *
     * @param python the Python 3 interpreter to run (with NumPy installed), e.g. "python3"
     * @throws InvalidInputException if the interpreter cannot be started or the script fails (the message
     *                               quotes its last lines: e.g. NumPy missing, audio not 22050 Hz 16-bit)
     */
    public static Map<Method, Double> run(String python, Path audio, Path score, List<Method> methods,
                                          int iterations, int threads) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nae4j-numpy");
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = NumpyBaseline.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is missing from the nae4j jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Path json = dir.resolve("numpy.json");
            List<String> ids = new ArrayList<>();
            for (Method m : methods) {
                ids.add(m.id());
            }
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--audio", audio.toString(),
                    "--score", score.toString(), "--iterations", Integer.toString(iterations), "--methods",
                    String.join(",", ids), "--json", json.toString());
            Map<String, String> env = pb.environment();
            env.remove("OPENBLAS_CORETYPE");
            env.remove("OPENBLAS_L2_SIZE");
            for (String name : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
                env.put(name, Integer.toString(threads));
            }
            pb.redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new InvalidInputException("cannot run the NumPy baseline with '" + python + "' ("
                        + e.getMessage() + "); install Python 3 with NumPy or name the interpreter with --python");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0 || !Files.isRegularFile(json)) {
                throw new InvalidInputException("the NumPy baseline failed (exit code " + code + "): "
                        + lastLines(output));
            }
            return parse(Files.readString(json), methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the NumPy baseline ran", e);
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /** The ms/iteration per method from the script's JSON ([{"method": ..., "dense_numpy_ms_per_iteration": ...}]). */
    static Map<Method, Double> parse(String json, List<Method> methods) {
        Map<Method, Double> out = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(json);
        while (m.find()) {
            out.put(Method.parse(m.group(1)), Double.parseDouble(m.group(2)));
        }
        for (Method method : methods) {
            if (!out.containsKey(method)) {
                throw new InvalidInputException("the NumPy baseline reported no time for " + method.id());
            }
        }
        return out;
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\\R");
        int from = Math.max(0, lines.length - ERROR_LINES);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
