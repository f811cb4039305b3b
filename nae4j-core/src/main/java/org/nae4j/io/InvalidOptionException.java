package org.nae4j.io;

/**
 * An option value that an options record refuses. Besides the message it says which parameter is at fault
 * and what is required of it, so that a front end can name the parameter its own way (the command line names
 * the option as the user typed it, e.g. "--n-fft must be a power of two ≥ 16, got 1000").
 */
public class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String requirement;

    /**
     * @param parameter   the record component at fault, e.g. {@code nFft}
     * @param subject     what it is, for the message, e.g. "FFT size"
     * @param requirement what is wrong, e.g. "must be a power of two ≥ 16, got 1000"
     */
    public InvalidOptionException(String parameter, String subject, String requirement) {
        super(subject + " " + requirement);
        this.parameter = parameter;
        this.requirement = requirement;
    }

    /** The record component at fault, e.g. {@code nFft}. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong, without the subject, e.g. "must be a power of two ≥ 16, got 1000". */
    public String requirement() {
        return requirement;
    }
}
