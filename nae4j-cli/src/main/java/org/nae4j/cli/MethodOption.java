package org.nae4j.cli;

import org.nae4j.model.Method;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --method} option of the commands that run one method. */
final class MethodOption {
    @Option(names = "--method", paramLabel = "NAME", converter = Converter.class,
            description = "Decomposition method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method = Method.NMF;

    /** Accepts the command-line method names. */
    static final class Converter implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            try {
                return Method.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
