package org.nae4j.cli;

/**
 * Options (a command or a mixin) that check their values before the command runs: {@link Main} calls
 * {@link #check} on the command and on each of its mixins right after parsing, so that a value the command
 * cannot run with is a usage error (exit 2) before any input is read.
 */
interface CheckedOptions {
    /**
     * Builds the options records from the values (the records validate them).
     *
     * @throws BadOptionValue naming the option whose value is refused
     */
    void check();
}
