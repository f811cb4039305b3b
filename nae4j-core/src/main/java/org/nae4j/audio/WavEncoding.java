package org.nae4j.audio;

/** Sample encodings {@link Wav#write} can produce (method §7: audio output as 16-bit or float WAV). */
public enum WavEncoding {
    /** 16-bit signed integer PCM: samples clipped to [-1, 1] and rounded (quantisation step 2^-15). */
    PCM_16,
    /** 32-bit IEEE float: samples stored as given, no clipping. */
    FLOAT_32
}
