package org.nae4j.alignment;

import java.util.ArrayDeque;

/** Running maximum over a centred window, in linear time (monotone deque). */
final class SlidingMax {
    private SlidingMax() {
    }

    /** out[n] = max of x[n − radius .. n + radius] (clipped to the array). */
    static double[] of(double[] x, int radius) {
        int n = x.length;
        double[] out = new double[n];
        ArrayDeque<Integer> deque = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < n; i++) {
            int hi = Math.min(n - 1, i + radius);
            while (next <= hi) {
                while (!deque.isEmpty() && x[deque.peekLast()] <= x[next]) {
                    deque.pollLast();
                }
                deque.addLast(next++);
            }
            while (deque.peekFirst() < i - radius) {
                deque.pollFirst();
            }
            out[i] = x[deque.peekFirst()];
        }
        return out;
    }
}
