#!/usr/bin/env python3
"""Time-warps a nae4j score for a second performance of the same piece.

Reads score.csv (Start;Duration;Pitch;Velocity;Instrument, seconds) and optionally pedal.csv (Start;Duration),
maps every time t through the smooth tempo curve t' = t + A*T/(2*pi)*(1 - cos(2*pi*t/T)) (local tempo
1 + A*sin(2*pi*t/T): A = 0.1 is +-10 %, T the score's length, so it speeds up then slows down once), and writes
  - a standard MIDI file of the warped notes (and sustain pedal) for FluidSynth to render, and
  - the warped score divided by SPEED, aligned to the rendering after it is sped up by SPEED (the detuning:
    resampling by 2^(cents/1200) raises the pitch and shortens the times by the same factor).
Usage: warp.py SCORE_CSV PEDAL_CSV|- AMPLITUDE SPEED OUT_MID OUT_CSV
"""
import math
import struct
import sys

TICKS_PER_QUARTER = 1000
TEMPO_US = 500000  # 120 bpm: one tick is 0.5 ms


def read_csv(path):
    rows = []
    with open(path) as f:
        header = f.readline().strip().split(";")
        for line in f:
            if line.strip():
                rows.append(dict(zip(header, line.strip().split(";"))))
    return rows


def varlen(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    return bytes(reversed(out))


def write_midi(path, events):
    """events: (seconds, order, bytes) with order 0 for note-offs/pedal-ups before the ons at the same tick."""
    events.sort(key=lambda e: (e[0], e[1]))
    track = bytearray(b"\x00\xff\x51\x03" + TEMPO_US.to_bytes(3, "big"))
    for ch in range(16):
        track += b"\x00" + bytes([0xC0 | ch, 0])  # program 0, acoustic grand piano
    last = 0
    for t, _, data in events:
        tick = round(t * 1e6 / TEMPO_US * TICKS_PER_QUARTER)
        track += varlen(max(0, tick - last)) + data
        last = max(last, tick)
    track += b"\x00\xff\x2f\x00"
    with open(path, "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, TICKS_PER_QUARTER))
        f.write(b"MTrk" + struct.pack(">I", len(track)) + track)


def main(score_csv, pedal_csv, amplitude, speed, out_mid, out_csv):
    amplitude = float(amplitude)
    speed = float(speed)
    notes = read_csv(score_csv)
    pedals = [] if pedal_csv == "-" else read_csv(pedal_csv)
    length = max(float(n["Start"]) + float(n["Duration"]) for n in notes)
    period = length

    def warp(t):
        return t + amplitude * period / (2 * math.pi) * (1 - math.cos(2 * math.pi * t / period))

    hands = sorted({n["Instrument"] for n in notes})
    events = []
    with open(out_csv, "w") as f:
        f.write("Start;Duration;Pitch;Velocity;Instrument\n")
        for n in notes:
            start = float(n["Start"])
            end = start + float(n["Duration"])
            ch = hands.index(n["Instrument"]) % 16
            pitch = int(n["Pitch"])
            vel = max(1, min(127, int(n["Velocity"])))
            a, b = warp(start), warp(end)
            events.append((a, 1, bytes([0x90 | ch, pitch, vel])))
            events.append((b, 0, bytes([0x80 | ch, pitch, 0])))
            f.write("%.6f;%.6f;%d;%d;%s\n" % (a / speed, (b - a) / speed, pitch, vel, n["Instrument"]))
    for p in pedals:
        start = float(p["Start"])
        end = start + float(p["Duration"])
        for ch in range(len(hands)):
            events.append((warp(start), 1, bytes([0xB0 | ch, 64, 127])))
            events.append((warp(end), 0, bytes([0xB0 | ch, 64, 0])))
    write_midi(out_mid, events)


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
