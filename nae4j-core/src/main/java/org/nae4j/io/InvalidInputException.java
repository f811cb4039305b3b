package org.nae4j.io;

import java.nio.file.Path;
import org.nae4j.io.Printable;

/**
 * A problem with what the user gave us (a file, a score, an option value), as opposed to a bug.
 * The message is meant to be shown to the user as is: it names the file and says what is wrong.
 * The command line turns it into exit code 1 without a stack trace. Control characters in the message
 * (from file names or file content) are escaped ({@link Printable#escape}), so printing it cannot
 * disturb a terminal or split the one-line message.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(Printable.escape(message));
    }

    public InvalidInputException(String message, Throwable cause) {
        super(Printable.escape(message), cause);
    }

    /** A message of the form {@code "<file>: <problem>"}. */
    public static InvalidInputException of(Path file, String problem) {
        return new InvalidInputException(file + ": " + problem);
    }

    public static InvalidInputException of(Path file, String problem, Throwable cause) {
        return new InvalidInputException(file + ": " + problem, cause);
    }
}
