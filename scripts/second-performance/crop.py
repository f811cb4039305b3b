#!/usr/bin/env python3
"""Keeps the first SECONDS of a shared piece's score and pedal (notes starting before SECONDS, cut there), for
a shorter pair of performances. The audio is cut with sox by crop.sh.
Usage: crop.py PIECE_DIR SECONDS OUT_DIR
"""
import os
import sys


def crop(src, dst, seconds):
    with open(src) as f, open(dst, "w") as out:
        header = f.readline()
        out.write(header)
        for line in f:
            cells = line.strip().split(";")
            if len(cells) < 2:
                continue
            start, duration = float(cells[0]), float(cells[1])
            if start < seconds:
                cells[1] = "%.6f" % (min(start + duration, seconds) - start)
                out.write(";".join(cells) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    piece, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    crop(os.path.join(piece, "score.csv"), os.path.join(out, "score.csv"), seconds)
    if os.path.exists(os.path.join(piece, "pedal.csv")):
        crop(os.path.join(piece, "pedal.csv"), os.path.join(out, "pedal.csv"), seconds)
