package org.nae4j.score;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses the bytes of a Standard MIDI File into notes; see {@link MidiScores#read} for the rules.
 * Errors are {@link IllegalArgumentException}s whose message {@link MidiScores} prefixes with the file.
 */
final class SmfReader {
    static final int DRUM_CHANNEL = 9;
    static final int DEFAULT_TEMPO_US = 500_000;
    private static final int HEADER_LENGTH = 6;
    private static final int CHUNK_HEADER = 8;
    private static final int MAX_VLQ_BYTES = 4;
    private static final int META = 0xFF;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_END_OF_TRACK = 0x2F;
    private static final int META_TEMPO = 0x51;
    private static final int SYSEX = 0xF0;
    private static final int SYSEX_CONTINUATION = 0xF7;
    private static final int NOTE_OFF = 0x8;
    private static final int NOTE_ON = 0x9;
    private static final int PROGRAM_CHANGE = 0xC;
    private static final int CHANNEL_PRESSURE = 0xD;
    private static final int SMPTE_29_DROP = 29;
    private static final double NTSC_RATE = 30000.0 / 1001.0;
    private static final int CHANNELS = 16;
    /** Track names are cut to this many bytes: they become labels, and no real name is longer. */
    static final int MAX_NAME_BYTES = 256;

    private final byte[] data;
    private int pos;
    private int skippedDrumNotes;
    private int noteCount;

    /** One note in ticks, before the tempo map is known. */
    private record TickNote(long start, long end, int pitch, int velocity, int channel) {
    }

    /** A track chunk: its number (from 1), name (or null), notes, and first program of each channel (or −1). */
    private record Track(int number, String name, List<TickNote> notes, int[] programs) {
    }

    private record Tempo(long tick, int microsPerQuarter) {
    }

    private SmfReader(byte[] data) {
        this.data = data;
    }

    /** Result of parsing: the notes and how many drum-channel notes were skipped. */
    record Result(List<Note> notes, int skippedDrumNotes) {
    }

    static Result parse(byte[] bytes) {
        return new SmfReader(bytes).parseFile();
    }

    private Result parseFile() {
        if (data.length < CHUNK_HEADER + HEADER_LENGTH || !chunkId(0).equals("MThd")) {
            throw new IllegalArgumentException("not a Standard MIDI File (no MThd header)");
        }
        long headerLength = u32(4);
        if (headerLength < HEADER_LENGTH || CHUNK_HEADER + headerLength > data.length) {
            throw new IllegalArgumentException("corrupt MIDI header (length " + headerLength + ")");
        }
        int format = u16(8);
        int trackCount = u16(10);
        int division = u16(12);
        if (format > 1) {
            throw new IllegalArgumentException("MIDI format " + format + " is not supported (only 0 and 1)");
        }
        pos = CHUNK_HEADER + (int) headerLength;
        List<Tempo> tempos = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        while (tracks.size() < trackCount) {
            if (pos + CHUNK_HEADER > data.length) {
                throw new IllegalArgumentException("truncated: the header announces " + trackCount
                        + " tracks, the file holds " + tracks.size());
            }
            String id = chunkId(pos);
            long length = u32(pos + 4);
            int bodyStart = pos + CHUNK_HEADER;
            if (bodyStart + length > data.length) {
                throw new IllegalArgumentException("truncated: chunk '" + id + "' at byte " + pos
                        + " announces " + length + " bytes, only " + (data.length - bodyStart) + " remain");
            }
            int bodyEnd = bodyStart + (int) length;
            if (id.equals("MTrk")) {
                tracks.add(parseTrack(tracks.size() + 1, bodyStart, bodyEnd, tempos));
            }
            // Unknown chunk types are skipped, as the SMF specification asks.
            pos = bodyEnd;
        }
        TempoMap map = new TempoMap(division, tempos);
        List<Track> noteTracks = tracks.stream().filter(t -> !t.notes().isEmpty()).toList();
        int[] programs = firstPrograms(tracks);
        List<Note> notes = new ArrayList<>();
        for (Track t : noteTracks) {
            TreeSet<Integer> channels = new TreeSet<>();
            t.notes().forEach(n -> channels.add(n.channel()));
            // One label string per channel, not one per note.
            String[] labels = noteTracks.size() > 1 ? trackLabels(t, channels) : channelLabels(channels, programs);
            for (TickNote n : t.notes()) {
                String label = labels[n.channel()];
                double start = map.seconds(n.start());
                double end = map.seconds(n.end());
                notes.add(new Note(start, Math.max(0, end - start), n.pitch(), n.velocity(), label));
            }
        }
        return new Result(notes, skippedDrumNotes);
    }

    /**
     * Several note tracks: the track's name, or "track N"; with " ch M" appended when the track plays on
     * several channels, so that a track's parts stay apart.
     */
    private static String[] trackLabels(Track t, TreeSet<Integer> channels) {
        String base = t.name() != null ? t.name() : "track " + t.number();
        String[] labels = new String[CHANNELS];
        for (int c : channels) {
            labels[c] = channels.size() > 1 ? base + " ch " + (c + 1) : base;
        }
        return labels;
    }

    /**
     * One note track: its name is usually the piece's title or tempo ("Lento ma non troppo"), not a part.
     * Each channel is labelled by its General MIDI program name when it has a program change and that
     * name is no other channel's, else "channel N"; a single channel without a program change is "piano".
     */
    private static String[] channelLabels(TreeSet<Integer> channels, int[] programs) {
        String[] labels = new String[CHANNELS];
        Map<String, Integer> uses = new HashMap<>();
        for (int c : channels) {
            if (programs[c] >= 0) {
                uses.merge(GeneralMidi.name(programs[c]), 1, Integer::sum);
            }
        }
        for (int c : channels) {
            String program = programs[c] >= 0 ? GeneralMidi.name(programs[c]) : null;
            if (program != null && uses.get(program) == 1) {
                labels[c] = program;
            } else if (channels.size() == 1) {
                labels[c] = "piano";
            } else {
                labels[c] = "channel " + (c + 1);
            }
        }
        return labels;
    }

    /** The first program change of each channel in the whole file (track order, then time), or −1. */
    private static int[] firstPrograms(List<Track> tracks) {
        int[] out = new int[CHANNELS];
        Arrays.fill(out, -1);
        for (Track t : tracks) {
            for (int c = 0; c < CHANNELS; c++) {
                if (out[c] < 0) {
                    out[c] = t.programs()[c];
                }
            }
        }
        return out;
    }

    private Track parseTrack(int number, int start, int end, List<Tempo> tempos) {
        pos = start;
        long tick = 0;
        int running = -1;
        String name = null;
        // Open notes per (channel, pitch), oldest first: a note-off ends the earliest open note.
        Map<Integer, ArrayDeque<long[]>> open = new HashMap<>();
        List<TickNote> notes = new ArrayList<>();
        int[] programs = new int[CHANNELS];
        Arrays.fill(programs, -1);
        while (pos < end) {
            tick += readVlq(end);
            int status = u8(end);
            if (status == META) {
                int type = u8(end);
                int len = (int) readVlq(end);
                int dataStart = need(len, end);
                if (type == META_END_OF_TRACK) {
                    break;
                }
                if (type == META_TRACK_NAME && name == null) {
                    String s = text(dataStart, Math.min(len, MAX_NAME_BYTES)).strip();
                    name = s.isEmpty() ? null : s;
                } else if (type == META_TEMPO) {
                    if (len != 3) {
                        throw new IllegalArgumentException("corrupt tempo event in track " + number);
                    }
                    int us = ((data[dataStart] & 0xFF) << 16) | ((data[dataStart + 1] & 0xFF) << 8)
                            | (data[dataStart + 2] & 0xFF);
                    if (us == 0) {
                        throw new IllegalArgumentException("tempo of 0 µs per quarter note in track " + number);
                    }
                    tempos.add(new Tempo(tick, us));
                }
            } else if (status == SYSEX || status == SYSEX_CONTINUATION) {
                need((int) readVlq(end), end);
            } else if (status >= SYSEX) {
                throw new IllegalArgumentException("unexpected status byte 0x" + Integer.toHexString(status)
                        + " at byte " + (pos - 1) + " in track " + number);
            } else {
                int first;
                if (status >= 0x80) {
                    running = status;
                    first = u8(end);
                } else if (running < 0) {
                    throw new IllegalArgumentException("data byte without a status (running status) at byte "
                            + (pos - 1) + " in track " + number);
                } else {
                    first = status;
                }
                int kind = running >> 4;
                int channel = running & 0x0F;
                int second = kind == PROGRAM_CHANGE || kind == CHANNEL_PRESSURE ? 0 : u8(end);
                if ((first | second) > 0x7F) {
                    throw new IllegalArgumentException("corrupt channel message at byte " + (pos - 2)
                            + " in track " + number);
                }
                if (kind == PROGRAM_CHANGE && programs[channel] < 0) {
                    programs[channel] = first;
                }
                boolean on = kind == NOTE_ON && second > 0;
                boolean off = kind == NOTE_OFF || (kind == NOTE_ON && second == 0);
                if (on && channel == DRUM_CHANNEL) {
                    skippedDrumNotes++;
                } else if (on) {
                    if (++noteCount > Score.MAX_NOTES) {
                        throw new IllegalArgumentException("more than " + Score.MAX_NOTES
                                + " notes, far more than a piece this tool can decompose");
                    }
                    open.computeIfAbsent(channel << 8 | first, k -> new ArrayDeque<>())
                            .addLast(new long[] {tick, second});
                } else if (off) {
                    ArrayDeque<long[]> q = open.get(channel << 8 | first);
                    if (q != null && !q.isEmpty()) {
                        long[] o = q.pollFirst();
                        notes.add(new TickNote(o[0], tick, first, (int) o[1], channel));
                    }
                }
            }
        }
        // Notes never switched off end with the track.
        for (Map.Entry<Integer, ArrayDeque<long[]>> e : open.entrySet()) {
            for (long[] o : e.getValue()) {
                notes.add(new TickNote(o[0], tick, e.getKey() & 0xFF, (int) o[1], e.getKey() >> 8));
            }
        }
        return new Track(number, name, notes, programs);
    }

    /** Converts ticks to seconds with every tempo change, or with a fixed SMPTE rate. */
    private static final class TempoMap {
        private final long[] ticks;
        private final double[] seconds;
        private final double[] secondsPerTick;

        TempoMap(int division, List<Tempo> tempos) {
            if ((division & 0x8000) != 0) {
                int fps = -(byte) (division >> 8);
                int perFrame = division & 0xFF;
                if (perFrame == 0 || (fps != 24 && fps != 25 && fps != SMPTE_29_DROP && fps != 30)) {
                    throw new IllegalArgumentException("corrupt SMPTE time division 0x" + Integer.toHexString(division));
                }
                double frameRate = fps == SMPTE_29_DROP ? NTSC_RATE : fps;
                ticks = new long[] {0};
                seconds = new double[] {0};
                secondsPerTick = new double[] {1.0 / (frameRate * perFrame)};
                return;
            }
            if (division == 0) {
                throw new IllegalArgumentException("corrupt time division: 0 ticks per quarter note");
            }
            List<Tempo> sorted = new ArrayList<>(tempos);
            sorted.sort((a, b) -> Long.compare(a.tick(), b.tick()));
            int n = sorted.size() + 1;
            ticks = new long[n];
            seconds = new double[n];
            secondsPerTick = new double[n];
            secondsPerTick[0] = DEFAULT_TEMPO_US * 1e-6 / division;
            for (int i = 1; i < n; i++) {
                Tempo t = sorted.get(i - 1);
                ticks[i] = t.tick();
                seconds[i] = seconds[i - 1] + (t.tick() - ticks[i - 1]) * secondsPerTick[i - 1];
                secondsPerTick[i] = t.microsPerQuarter() * 1e-6 / division;
            }
        }

        double seconds(long tick) {
            // The last segment starting at or before tick; at equal ticks the later event wins.
            int lo = 0;
            int hi = ticks.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (ticks[mid] <= tick) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return seconds[lo] + (tick - ticks[lo]) * secondsPerTick[lo];
        }
    }

    private long readVlq(int end) {
        long v = 0;
        for (int i = 0; i < MAX_VLQ_BYTES; i++) {
            int b = u8(end);
            v = (v << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("corrupt variable-length number at byte " + (pos - MAX_VLQ_BYTES));
    }

    private int u8(int end) {
        if (pos >= end) {
            throw new IllegalArgumentException("truncated: an event runs past the end of its track at byte " + pos);
        }
        return data[pos++] & 0xFF;
    }

    /** Skips len bytes and returns where they start. */
    private int need(int len, int end) {
        if (len > end - pos) {
            throw new IllegalArgumentException("truncated: an event runs past the end of its track at byte " + pos);
        }
        int at = pos;
        pos += len;
        return at;
    }

    /** Meta text: UTF-8 when it decodes as such, else ISO-8859-1 (what older files use). */
    private String text(int at, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, at, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, at, len, StandardCharsets.ISO_8859_1);
        }
    }

    private String chunkId(int at) {
        return new String(data, at, 4, StandardCharsets.ISO_8859_1);
    }

    private int u16(int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private long u32(int at) {
        return ((long) u16(at) << 16) | u16(at + 2);
    }
}
