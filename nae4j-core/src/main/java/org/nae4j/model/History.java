package org.nae4j.model;

import java.util.Arrays;

/**
 * The loss history of a run: at recorded iterations, the elapsed training seconds (error evaluation
 * excluded) and the errors. Iteration 0 is the initial state.
 */
public final class History {
    private int size;
    private int[] iterations = new int[64];
    private double[] seconds = new double[64];
    private double[] columnL1 = new double[64];
    private double[] frobenius = new double[64];

    /** Appends one record. */
    public void add(int iteration, double elapsedSeconds, Errors e) {
        if (size == iterations.length) {
            int cap = size * 2;
            iterations = Arrays.copyOf(iterations, cap);
            seconds = Arrays.copyOf(seconds, cap);
            columnL1 = Arrays.copyOf(columnL1, cap);
            frobenius = Arrays.copyOf(frobenius, cap);
        }
        iterations[size] = iteration;
        seconds[size] = elapsedSeconds;
        columnL1[size] = e.columnL1();
        frobenius[size] = e.frobenius();
        size++;
    }

    /**
     * Milliseconds per iteration in the second half of the run, from the recorded points: the steady state,
     * after the JIT has compiled the kernels (the first iterations of a JVM run slower). NaN with fewer than
     * two recorded points in the second half.
     */
    public double steadyMsPerIteration() {
        if (size < 2) {
            return Double.NaN;
        }
        int last = size - 1;
        int half = iterations[last] / 2;
        int from = 0;
        while (from < last && iterations[from] < half) {
            from++;
        }
        if (from == last) {
            from = last - 1;
        }
        int its = iterations[last] - iterations[from];
        return its <= 0 ? Double.NaN : 1000 * (seconds[last] - seconds[from]) / its;
    }

    public int size() {
        return size;
    }

    public int[] iterations() {
        return Arrays.copyOf(iterations, size);
    }

    public double[] seconds() {
        return Arrays.copyOf(seconds, size);
    }

    public double[] columnL1() {
        return Arrays.copyOf(columnL1, size);
    }

    public double[] frobenius() {
        return Arrays.copyOf(frobenius, size);
    }
}
