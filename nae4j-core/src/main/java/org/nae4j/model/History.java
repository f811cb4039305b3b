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
