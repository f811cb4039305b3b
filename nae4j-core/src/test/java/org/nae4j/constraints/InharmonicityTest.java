package org.nae4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.io.InvalidOptionException;
import org.nae4j.spectral.StftParams;

/** The piano inharmonicity model of W^C's partials. */
class InharmonicityTest {
    @Test
    void coefficientIsSmallestNearA2AndGrowsTowardsBothEnds() {
        assertEquals(0, Inharmonicity.NONE.coefficient(60));
        double a2 = Inharmonicity.PIANO.coefficient(45);
        assertEquals(1.5e-4, a2, 0.1e-4);
        assertEquals(4e-4, Inharmonicity.PIANO.coefficient(60), 0.3e-4);
        assertEquals(1e-2, Inharmonicity.PIANO.coefficient(108), 0.1e-2);
        assertTrue(Inharmonicity.PIANO.coefficient(21) > a2 && Inharmonicity.PIANO.coefficient(84) > a2);
        double b = Inharmonicity.PIANO.coefficient(69);
        assertEquals(10 * 440 * Math.sqrt(1 + 100 * b), Inharmonicity.PIANO.partial(69, 440, 10), 1e-9);
        assertEquals(440 * 3, Inharmonicity.NONE.partial(69, 440, 3));
        assertEquals(Inharmonicity.PIANO, Inharmonicity.parse("Piano"));
        assertThrows(InvalidOptionException.class, () -> Inharmonicity.parse("bell"));
    }

    @Test
    void upperBandsMoveUpAndTheFundamentalHardlyMoves() {
        ConstraintOptions harmonic = ConstraintOptions.DEFAULT.withTuning(Tuning.A440);
        ConstraintOptions piano = harmonic.withInharmonicity(Inharmonicity.PIANO);
        int[] h = Constraints.harmonicBands(84, 22050, 2048, StftParams.DEFAULT.bins(), harmonic);
        int[] p = Constraints.harmonicBands(84, 22050, 2048, StftParams.DEFAULT.bins(), piano);
        assertEquals(h[0], p[0], "C6's fundamental moves by about 1 cent");
        // C6 (1047 Hz, B ≈ 2·10⁻³): the 8th partial is 6 % sharp, above the harmonic ±5 % band.
        assertTrue(p[p.length - 1] > h[h.length - 1] || p.length < h.length, "the last band moves up or is dropped");
        assertTrue(p[14] > h[14] + 10, "the 8th partial's band starts " + (p[14] - h[14]) + " bins higher");
    }
}
