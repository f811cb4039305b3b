package org.nae4j.model;

import java.util.Arrays;

/**
 * Detects a collapse (method §4): components whose activations are all zero although the activation
 * constraint H^C allows them somewhere. An autoencoder whose ReLU units all die reconstructs V̂ = 0.
 */
public final class DeadPitches {
    private DeadPitches() {
    }

    /**
     * The rows of H (R×N) that are all zero while the same row of {@code hc} (R×N, or null for "allowed
     * everywhere") has a nonzero entry, ascending.
     */
    public static int[] rows(float[] h, float[] hc, int r, int n) {
        int[] out = new int[r];
        int count = 0;
        for (int c = 0; c < r; c++) {
            boolean allowed = hc == null;
            boolean active = false;
            for (int j = c * n; j < (c + 1) * n; j++) {
                if (h[j] != 0f) {
                    active = true;
                    break;
                }
                if (hc != null && hc[j] != 0f) {
                    allowed = true;
                }
            }
            if (allowed && !active) {
                out[count++] = c;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The MIDI pitches of the given rows. */
    public static int[] pitches(int[] rows, int[] pitches) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = pitches[rows[i]];
        }
        return out;
    }
}
