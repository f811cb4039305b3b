package org.nae4j.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Arrays;
import java.util.Objects;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleInsets;
import org.nae4j.score.PitchNames;

/**
 * How the rows or the columns of a {@link Heatmap} are labelled. Cell {@code i} of an axis is
 * centred on the coordinate {@code i · step}, so the axis spans {@code [−step/2, (n − 1/2)·step]}.
 * Immutable.
 */
public final class Axis {
    /** Frequencies are shown in kHz once the axis reaches this many Hz. */
    private static final double KHZ_THRESHOLD_HZ = 2000.0;
    private static final double HZ_PER_KHZ = 1000.0;
    private static final int MIDI_MAX = 127;
    /** Label spacings for pitch axes, in pitches; 12 gives one label per octave on a chromatic axis. */
    private static final int[] PITCH_TICK_STEPS = {1, 2, 3, 4, 6, 12, 24, 48};

    private enum Kind { FREQUENCY, TIME, PITCH, INDEX }

    private final Kind kind;
    private final double step;
    private final int[] pitches;
    private final String label;

    private Axis(Kind kind, double step, int[] pitches, String label) {
        this.kind = kind;
        this.step = step;
        this.pitches = pitches;
        this.label = label;
    }

    /**
     * Frequency bins; bin {@code k} is at {@code k · hzPerBin} Hz (e.g. sampleRate / nFft).
     * Labelled in Hz, or in kHz when the axis reaches 2 kHz.
     *
     * @param hzPerBin bin spacing in Hz, finite and &gt; 0
     */
    public static Axis frequency(double hzPerBin) {
        requirePositive(hzPerBin, "Hz per bin");
        return new Axis(Kind.FREQUENCY, hzPerBin, null, "Frequency");
    }

    /**
     * STFT frames; frame {@code n} is at {@code n · secondsPerFrame} seconds (e.g. hop / sampleRate).
     *
     * @param secondsPerFrame frame spacing in seconds, finite and &gt; 0
     */
    public static Axis time(double secondsPerFrame) {
        return time(secondsPerFrame, "Time (s)");
    }

    /**
     * As {@link #time(double)} with another axis title, e.g. "Score time (s)".
     *
     * @param label axis title, not null
     */
    public static Axis time(double secondsPerFrame, String label) {
        requirePositive(secondsPerFrame, "seconds per frame");
        return new Axis(Kind.TIME, secondsPerFrame, null, Objects.requireNonNull(label, "label"));
    }

    /**
     * One cell per pitch, labelled with note names ({@link #noteName}); labels are thinned (every
     * 2, 3, 4, 6, 12, … pitches) when there is not room for all of them.
     *
     * @param midiPitches MIDI numbers 0–127 of the cells, in cell order; not empty. Copied.
     */
    public static Axis pitches(int[] midiPitches) {
        Objects.requireNonNull(midiPitches, "midiPitches");
        if (midiPitches.length == 0) {
            throw new IllegalArgumentException("a pitch axis needs at least one pitch");
        }
        for (int p : midiPitches) {
            checkMidi(p);
        }
        return new Axis(Kind.PITCH, 1.0, midiPitches.clone(), "Pitch");
    }

    /**
     * Plain cell indices 0, 1, 2, … (e.g. components, iterations).
     *
     * @param label axis title, not null
     */
    public static Axis index(String label) {
        return new Axis(Kind.INDEX, 1.0, null, Objects.requireNonNull(label, "label"));
    }

    /**
     * Note name of a MIDI pitch in scientific pitch notation with sharps: 60 → "C4", 61 → "C#4",
     * 69 → "A4", 21 → "A0", 0 → "C-1".
     *
     * @param midi MIDI number 0–127
     */
    public static String noteName(int midi) {
        return PitchNames.noteName(midi);
    }

    /** Number of cells this axis must label, or −1 when any number is fine. */
    int requiredCells() {
        return kind == Kind.PITCH ? pitches.length : -1;
    }

    /** A JFreeChart axis whose range covers exactly {@code cells} cells, edges included. */
    ValueAxis toValueAxis(int cells) {
        double shown = step;
        String title = label;
        if (kind == Kind.FREQUENCY) {
            boolean khz = (cells - 0.5) * step >= KHZ_THRESHOLD_HZ;
            shown = khz ? step / HZ_PER_KHZ : step;
            title = khz ? "Frequency (kHz)" : "Frequency (Hz)";
        }
        NumberAxis axis = kind == Kind.PITCH ? new PitchAxis(title, pitches) : new NumberAxis(title);
        axis.setAutoRangeIncludesZero(false);
        if (kind == Kind.INDEX) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setRange(-0.5 * shown, (cells - 0.5) * shown);
        return axis;
    }

    /** A cell-index axis labelled with note names, spaced so that the names do not overlap. */
    private static final class PitchAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final String[] names;

        PitchAxis(String title, int[] pitches) {
            super(title);
            names = Arrays.stream(pitches).mapToObj(Axis::noteName).toArray(String[]::new);
            NumberFormat format = new PitchFormat(pitches);
            TickUnits units = new TickUnits();
            for (int s : PITCH_TICK_STEPS) {
                units.add(new NumberTickUnit(s, format));
            }
            setStandardTickUnits(units);
        }

        /** The widest note name; NumberAxis would measure the (blank) labels at the range ends. */
        @Override
        protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
            FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
            int widest = 0;
            for (String n : names) {
                widest = Math.max(widest, fm.stringWidth(n));
            }
            RectangleInsets insets = getTickLabelInsets();
            return widest + insets.getLeft() + insets.getRight();
        }
    }

    private static void checkMidi(int midi) {
        if (midi < 0 || midi > MIDI_MAX) {
            throw new IllegalArgumentException("MIDI pitch must be in 0.." + MIDI_MAX + ", got " + midi);
        }
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
    }

    @Override
    public String toString() {
        return "Axis[" + kind + (kind == Kind.PITCH ? " " + Arrays.toString(pitches) : " step=" + step) + "]";
    }

    /** Formats a cell index as the note name of that cell; blank between cells and outside. */
    private static final class PitchFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        /** Tick values are exact integers up to floating-point noise. */
        private static final double ON_CELL_TOLERANCE = 1e-6;
        private final int[] pitches;

        PitchFormat(int[] pitches) {
            this.pitches = pitches;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long i = Math.round(number);
            if (Math.abs(number - i) < ON_CELL_TOLERANCE && i >= 0 && i < pitches.length) {
                to.append(noteName(pitches[(int) i]));
            }
            return to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            // Only used for display; JFreeChart never parses tick labels.
            return null;
        }
    }
}
