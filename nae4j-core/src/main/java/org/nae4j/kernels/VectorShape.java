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
    /** System property that sets the vector registers the blocks may use: 16 or 32. */
    static final String REGISTERS_PROPERTY = "nae4j.vector.registers";
    /**
     * Whether the machine has only 16 vector registers (x86 without AVX-512: HotSpot's UseAVX below 3), so
     * the kernels use blocks of fewer accumulators: a block that needs more registers than there are spills
     * its accumulators to memory on every step.
     */
    static final boolean FEW_REGISTERS = fewRegisters(System.getProperty(REGISTERS_PROPERTY), useAvx());

    private VectorShape() {
    }

    /** Whether to use the small blocks, from the property (16 or 32) or else HotSpot's UseAVX level (null off x86). */
    static boolean fewRegisters(String registers, String useAvx) {
        if (registers != null && !registers.isBlank()) {
            return switch (registers.trim()) {
                case "16" -> true;
                case "32" -> false;
                default -> throw new IllegalArgumentException(REGISTERS_PROPERTY + " must be 16 or 32, got '"
                        + registers + "'");
            };
        }
        if (useAvx == null) {
            return false;
        }
        try {
            return Integer.parseInt(useAvx.trim()) < 3;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** HotSpot's UseAVX flag (x86 only), or null. */
    private static String useAvx() {
        try {
            return java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseAVX").getValue();
        } catch (RuntimeException e) {
            return null;
        }
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
