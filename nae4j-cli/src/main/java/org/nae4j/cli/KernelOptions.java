package org.nae4j.cli;

import org.nae4j.model.KernelChoice;
import picocli.CommandLine.Option;

/** The choice of matrix kernels, mixed into the options of a run. */
final class KernelOptions {
    @Option(names = "--kernels", paramLabel = "KIND", converter = KernelConverter.class,
            description = "Matrix kernels: auto (mask-aware where the score's masks save work), dense (the "
                    + "reference) or masked (default: auto). All give the same results up to float rounding.")
    KernelChoice kernels = KernelChoice.AUTO;

    /** Accepts auto, dense, masked. */
    static final class KernelConverter implements picocli.CommandLine.ITypeConverter<KernelChoice> {
        @Override
        public KernelChoice convert(String value) {
            try {
                return KernelChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
