package org.nae4j.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The decomposition methods, by the names the command line uses. */
public enum Method {
    /** Score-informed NMF with multiplicative updates (method §3), the reference. */
    NMF("nmf"),
    /** Nonnegative autoencoder trained with the multiplicative rule of the paper's Eq. 3 (method §4). */
    NAE_MU("nae-mu"),
    /** Nonnegative autoencoder trained with plain gradient descent (method §4). */
    NAE_SGD("nae-sgd"),
    /** Nonnegative autoencoder trained with Adam (method §4). */
    NAE_ADAM("nae-adam"),
    /** Nonnegative autoencoder trained with RMSprop (method §4). */
    NAE_RMSPROP("nae-rmsprop");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    /** The command-line name, e.g. {@code nmf}. */
    public String id() {
        return id;
    }

    /** Whether this method learns an encoder (an autoencoder). */
    public boolean hasEncoder() {
        return this != NMF;
    }

    /** Parses a command-line name (case-insensitive). */
    public static Method parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.id.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + s + "'; expected one of " + names());
    }

    /** All names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
