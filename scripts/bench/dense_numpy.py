#!/usr/bin/env python3
"""Dense NumPy float32 baseline for `nae4j bench`: ms/iteration of the same updates (SPEC 3 and 4) on
one recording, with NumPy's BLAS on the threads the environment gives it.

Run it beside `nae4j bench` with the same thread count, e.g.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 \
        python3 scripts/bench/dense_numpy.py --audio mix.wav --score score.csv --iterations 50

STFT and constraints follow SPEC 1-2 (as scripts/reference/nae_reference.py); only 22050 Hz 16-bit PCM
WAV input is accepted (the shared data), so the script needs nothing beyond NumPy.
"""
import argparse
import csv
import json
import math
import time
import wave

import numpy as np

FS, N_FFT, HOP = 22050, 2048, 1024
TAU, ONSET_TOL_S, OFFSET_TOL_S = 0.05, 0.2, 0.5
SGD_LR = 0.1
ADAM_LR, ADAM_B1, ADAM_B2, ADAM_EPS = 1e-3, 0.9, 0.999, 1e-7
RMS_LR, RMS_RHO, RMS_EPS = 1e-3, 0.9, 1e-7
ROUNDS = 5
METHODS = ("nmf", "nae-mu", "nae-sgd", "nae-adam", "nae-rmsprop")
F32 = np.float32
EPS = np.finfo(F32).eps
FLUSH_BELOW = F32(1e-30)   # as org.nae4j.model.Nmf: keeps subnormals out of the products


def read_audio(path):
    with wave.open(path) as w:
        if w.getframerate() != FS or w.getsampwidth() != 2:
            raise SystemExit(f"{path}: need {FS} Hz 16-bit PCM")
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
        return x.reshape(-1, w.getnchannels()).mean(axis=1)


def magnitude(x):
    n = 1 + len(x) // HOP
    xp = np.concatenate([np.zeros(N_FFT // 2), x, np.zeros(N_FFT // 2)])
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)
    idx = np.arange(n)[:, None] * HOP + np.arange(N_FFT)[None, :]
    return np.ascontiguousarray(np.abs(np.fft.rfft(xp[idx] * win, axis=1)).T.astype(F32))


def constraints(score, k, n):
    with open(score, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    notes = [(float(r[0]), float(r[1]), int(r[2])) for r in rows if r and "".join(r).strip()]
    pitches = sorted({p for _, _, p in notes})
    wc = np.zeros((k, len(pitches)), F32)
    for r, p in enumerate(pitches):
        f0 = 440.0 * 2.0 ** ((p - 69) / 12.0)
        m = 1
        while m * f0 < FS / 2:
            lo = int(math.floor((1 - TAU) * m * f0 * N_FFT / FS))
            hi = min(k - 1, int(math.floor((1 + TAU) * m * f0 * N_FFT / FS)))
            wc[max(lo, 0):hi + 1, r] = 1
            m += 1
    hc = np.zeros((len(pitches), n), F32)
    row = {p: i for i, p in enumerate(pitches)}
    hop_s = HOP / FS
    for s, d, p in notes:
        a = max(0, int(math.floor((s - ONSET_TOL_S) / hop_s)))
        b = min(n, int(math.floor((s + d + OFFSET_TOL_S) / hop_s)))
        hc[row[p], a:b] = 1
    return wc, hc


def flush(m):
    m[m < FLUSH_BELOW] = 0


class Nmf:
    def __init__(self, v, wc, hc, seed):
        self.v, self.w, self.h = v, wc.copy(), hc.copy()

    def step(self):
        v, w, h = self.v, self.w, self.h
        h *= (w.T @ v) / ((w.T @ w) @ h + EPS)
        flush(h)
        w *= (v @ h.T) / (w @ (h @ h.T) + EPS)
        flush(w)


class Nae:
    """The autoencoder of SPEC 4 with multiplicative (Eq. 3) or optimizer steps; all float32."""

    def __init__(self, v, wc, hc, seed, method):
        self.v, self.wc, self.hc, self.method = v, wc, hc, method
        wd = wc / np.linalg.norm(wc, axis=0, keepdims=True)
        we = np.random.default_rng(seed).random((wc.shape[1], wc.shape[0]))
        we /= np.linalg.norm(we, axis=1, keepdims=True)
        v0 = wd @ (np.maximum(we.astype(F32) @ v, 0) * hc)
        s = math.sqrt(float(np.vdot(v.astype(np.float64), v0) / np.vdot(v0.astype(np.float64), v0)))
        self.we, self.wd = (we * s).astype(F32), (wd * s).astype(F32)
        self.state = {}
        self.t = 0

    def step(self):
        v, hc, we, wd = self.v, self.hc, self.we, self.wd
        if self.method == "nae-mu":
            h = np.maximum(we @ v, 0) * hc
            num = ((wd.T @ v) * hc) @ v.T
            den = (((wd.T @ wd) @ h) * hc) @ v.T + EPS
            we *= num / den
            flush(we)
            h = np.maximum(we @ v, 0) * hc
            wd *= (v @ h.T) / (wd @ (h @ h.T) + EPS)
            flush(wd)
            return
        k, n = v.shape
        z = we @ v
        h = np.maximum(z, 0) * hc
        e = wd @ h - v
        c = F32(2.0 / (k * n))
        gd = c * (e @ h.T)
        gh = c * (wd.T @ e)
        ge = (gh * hc * (z > 0)) @ v.T
        self.t += 1
        self.update(we, ge, "we")
        self.update(wd, gd, "wd")
        np.maximum(wd, 0, out=wd)
        wd *= self.wc

    def update(self, p, g, key):
        if self.method == "nae-sgd":
            p -= F32(SGD_LR) * g
        elif self.method == "nae-adam":
            m, s = self.state.setdefault(key, (np.zeros_like(p), np.zeros_like(p)))
            m += F32(1 - ADAM_B1) * (g - m)
            s += F32(1 - ADAM_B2) * (g * g - s)
            lr = F32(ADAM_LR * math.sqrt(1 - ADAM_B2 ** self.t) / (1 - ADAM_B1 ** self.t))
            p -= lr * m / (np.sqrt(s) + F32(ADAM_EPS))
        else:
            s = self.state.setdefault(key, np.zeros_like(p))
            s *= F32(RMS_RHO)
            s += F32(1 - RMS_RHO) * g * g
            p -= F32(RMS_LR) * g / (np.sqrt(s) + F32(RMS_EPS))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--audio", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()
    v = magnitude(read_audio(a.audio))
    wc, hc = constraints(a.score, *v.shape)
    print(f"numpy {np.__version__}: K={v.shape[0]}, N={v.shape[1]}, R={wc.shape[1]}")
    results = []
    for method in a.methods.split(","):
        model = Nmf(v, wc, hc, a.seed) if method == "nmf" else Nae(v, wc, hc, a.seed, method)
        for _ in range(a.warmup):
            model.step()
        times = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            for _ in range(a.iterations):
                model.step()
            times.append((time.perf_counter() - t0) * 1e3 / a.iterations)
        ms = sorted(times)[ROUNDS // 2]
        print(f"{method:12s} {ms:9.3f} ms/iteration (median of {ROUNDS} rounds of {a.iterations})")
        results.append({"method": method, "dense_numpy_ms_per_iteration": ms})
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
