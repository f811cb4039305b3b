package org.nae4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape of the SIMD kernels, fixed once at start-up: the machine's preferred shape, or the one the
 * system property {@value #PROPERTY} names (128, 256 or 512 bits), so tests and benchmarks can run every shape
 * on any machine (a shape wider than the hardware's runs correctly, emulated, and slowly). The kernels hold it
 * in {@code static final} fields because the JIT compiles the Vector API to SIMD instructions only where the
 * species is a constant; a species passed around as a value would box every vector. Loaded only with
 * {@code jdk.incubator.vector} present.
 */
final class VectorShape {
    /** System property that forces the vector width in bits: 128, 256 or 512. */
    static final String PROPERTY = "nae4j.vector.bits";
    static final VectorSpecies<Float> SPECIES = choose(System.getProperty(PROPERTY));

    private VectorShape() {
    }

    /** The species for a property value; null or blank gives the preferred one. */
    static VectorSpecies<Float> choose(String bits) {
        if (bits == null || bits.isBlank()) {
            return FloatVector.SPECIES_PREFERRED;
        }
        return switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException(PROPERTY + " must be 128, 256 or 512, got '" + bits + "'");
        };
    }
}
