#!/usr/bin/env python3
"""Independent NumPy reference for nae4j SPEC sections 1-5.

Straightforward dense implementation (no sparsity tricks) of:
  SPEC 1  STFT magnitude V (periodic Hann 2048, hop 1024, centred, zero padding N_fft/2 each side)
  SPEC 2  score constraints W^C (all partials with m*f0 < Nyquist, tau = 0.05) and H^C
  SPEC 3  score-informed NMF (multiplicative, H first then W, eps = machine epsilon)
  SPEC 4  NAE: initialisation, multiplicative NAE (Eq. 3), additive NAE with Keras SGD/Adam/RMSprop
  SPEC 5  l1 column normalisation, column-wise l1 error, relative error, squared Frobenius loss

Only numpy and scipy are used. Example:
  python3 nae_reference.py --audio mix.wav --score score.csv --method nmf --iterations 1000 --json out.json
  python3 nae_reference.py --self-test      # finite-difference check of the additive-NAE gradients
"""
import argparse
import csv
import json
import math
import sys
import time

import numpy as np
import scipy.io.wavfile
import scipy.signal

FS = 22050            # SPEC 1 sample rate (Hz)
N_FFT = 2048          # SPEC 1 window length
HOP = 1024            # SPEC 1 hop size
TAU = 0.05            # SPEC 2 relative partial tolerance
ONSET_TOL_S = 0.2     # SPEC 2 onset tolerance (s)
OFFSET_TOL_S = 0.5    # SPEC 2 offset tolerance (s)

# Keras/TensorFlow defaults (SPEC 4)
SGD_LR = 0.1
ADAM_LR, ADAM_B1, ADAM_B2, ADAM_EPS = 1e-3, 0.9, 0.999, 1e-7
RMS_LR, RMS_RHO, RMS_EPS = 1e-3, 0.9, 1e-7

METHODS = ("nmf", "nae-mu", "nae-sgd", "nae-adam", "nae-rmsprop")


# ----------------------------------------------------------------------------- SPEC 1
def read_audio(path):
    """Mono float64 signal at FS. 16-bit PCM is scaled by 1/32768 (full scale -> [-1, 1))."""
    rate, data = scipy.io.wavfile.read(path)
    if data.dtype == np.int16:
        x = data.astype(np.float64) / 32768.0
    elif data.dtype == np.int32:
        x = data.astype(np.float64) / 2147483648.0
    elif data.dtype == np.uint8:
        x = (data.astype(np.float64) - 128.0) / 128.0
    else:
        x = data.astype(np.float64)
    if x.ndim == 2:
        x = x.mean(axis=1)            # down-mix by averaging channels
    if rate != FS:
        # band-limited polyphase resampler (not exercised by the shared data, which is 22050 Hz)
        g = math.gcd(rate, FS)
        x = scipy.signal.resample_poly(x, FS // g, rate // g, window=("kaiser", 10.0))
    return x


def hann_periodic(n):
    w = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)
    assert np.allclose(w, scipy.signal.get_window("hann", n, fftbins=True))
    return w


def stft(x):
    """Complex STFT, K x N, frame n centred at sample n*HOP (librosa center=True, constant pad)."""
    n_frames = 1 + len(x) // HOP
    xp = np.concatenate([np.zeros(N_FFT // 2), x, np.zeros(N_FFT // 2)])
    w = hann_periodic(N_FFT)
    idx = np.arange(n_frames)[:, None] * HOP + np.arange(N_FFT)[None, :]
    frames = xp[idx] * w[None, :]
    return np.fft.rfft(frames, axis=1).T          # K x N


# ----------------------------------------------------------------------------- SPEC 2
def read_score_csv(path):
    notes = []
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = [h.strip() for h in rows[0]]
    if header[:3] != ["Start", "Duration", "Pitch"]:
        raise SystemExit(f"{path}: unexpected header {rows[0]}")
    for r in rows[1:]:
        if not r or not "".join(r).strip():
            continue
        notes.append((float(r[0]), float(r[1]), int(r[2])))
    return notes


def template_constraint(pitches, K):
    """W^C in {0,1}^{K x R}: all partials m with m*f0 < Nyquist, bins floor((1-tau) m f0/df)..floor((1+tau) m f0/df)."""
    df = FS / N_FFT
    nyq = FS / 2.0
    WC = np.zeros((K, len(pitches)))
    for r, p in enumerate(pitches):
        f0 = 440.0 * 2.0 ** ((p - 69) / 12.0)
        m = 1
        while m * f0 < nyq:
            lo = int(math.floor((1 - TAU) * m * f0 / df))
            hi = min(K - 1, int(math.floor((1 + TAU) * m * f0 / df)))
            WC[max(lo, 0):hi + 1, r] = 1.0
            m += 1
    return WC


def activation_constraint(notes, pitches, N):
    hop_s = HOP / FS
    row = {p: i for i, p in enumerate(pitches)}
    HC = np.zeros((len(pitches), N))
    for start, dur, p in notes:
        a = max(0, int(math.floor((start - ONSET_TOL_S) / hop_s)))
        b = min(N, int(math.floor((start + dur + OFFSET_TOL_S) / hop_s)))
        if b > a:
            HC[row[p], a:b] = 1.0
    return HC


# ----------------------------------------------------------------------------- SPEC 5
def errors(V, Vhat):
    """(column-wise l1 error, relative l1 error, squared Frobenius loss), accumulated in float64."""
    D = V.astype(np.float64) - Vhat.astype(np.float64)
    l1 = float(np.abs(D).sum())
    return l1 / V.shape[1], l1 / float(np.abs(V.astype(np.float64)).sum()), float((D * D).sum())


def l1_normalise(W, H):
    """Scale each column of W to unit l1 norm and the matching row of H inversely (zero columns stay zero)."""
    s = np.abs(W).sum(axis=0)
    safe = np.where(s > 0, s, 1.0)
    return W / safe[None, :], H * safe[:, None]


# ----------------------------------------------------------------------------- SPEC 3
def flush(M, enabled):
    """Optionally set subnormal entries to zero (multiplicative updates drive many entries towards 0,
    and subnormal float arithmetic is 10-100x slower on x86 CPUs)."""
    if enabled:
        M[M < np.finfo(M.dtype).tiny] = 0


def nmf(V, WC, HC, iterations, checkpoints, dtype, ftz=False):
    eps = np.finfo(dtype).eps
    W, H = WC.astype(dtype).copy(), HC.astype(dtype).copy()
    V = V.astype(dtype)
    hist = []
    t0 = time.perf_counter()

    def record(i):
        hist.append((i, time.perf_counter() - t0) + errors(V, W @ H))

    record(0)
    for it in range(1, iterations + 1):
        H *= (W.T @ V) / ((W.T @ W) @ H + eps)
        flush(H, ftz)
        W *= (V @ H.T) / (W @ (H @ H.T) + eps)
        flush(W, ftz)
        if it in checkpoints:
            record(it)
    return W, H, hist, time.perf_counter() - t0


# ----------------------------------------------------------------------------- SPEC 4
def nae_init(V, WC, HC, seed, dtype, init):
    R, K = WC.shape[1], WC.shape[0]
    WD = WC / np.linalg.norm(WC, axis=0, keepdims=True)
    if init == "tied":
        WE = WD.T.copy()
    else:
        WE = np.random.default_rng(seed).random((R, K))
        WE /= np.linalg.norm(WE, axis=1, keepdims=True)
    WD, WE = WD.astype(dtype), WE.astype(dtype)
    Vt = V.astype(dtype)
    V0 = WD @ (np.maximum(WE @ Vt, 0) * HC.astype(dtype))
    alpha = float(np.vdot(V.astype(np.float64), V0.astype(np.float64))
                  / np.vdot(V0.astype(np.float64), V0.astype(np.float64)))
    s = np.sqrt(alpha)
    return (WE * s).astype(dtype), (WD * s).astype(dtype), alpha


def forward(WE, WD, V, HC):
    Z = WE @ V
    H = np.maximum(Z, 0) * HC
    return Z, H, WD @ H


def gradients(WE, WD, V, HC):
    """MSE loss over all K*N entries and its gradients (SPEC 4)."""
    K, N = V.shape
    Z, H, Vhat = forward(WE, WD, V, HC)
    E = Vhat - V
    c = 2.0 / (K * N)
    GD = c * (E @ H.T)
    GH = c * (WD.T @ E)
    GE = (GH * HC * (Z > 0)) @ V.T
    return float((E.astype(np.float64) ** 2).mean()), GE, GD


class Sgd:
    def __init__(self, lr=SGD_LR):
        self.lr = lr

    def step(self, p, g, key):
        p -= self.lr * g


class Adam:
    """Keras 2 optimizer_v2 / TF ApplyAdam / Keras 3: m, v start at 0, t counts from 1,
    lr_t = lr*sqrt(1-b2^t)/(1-b1^t), p -= lr_t * m / (sqrt(v) + eps_hat)."""

    def __init__(self, lr=ADAM_LR, b1=ADAM_B1, b2=ADAM_B2, eps=ADAM_EPS):
        self.lr, self.b1, self.b2, self.eps = lr, b1, b2, eps
        self.m, self.v, self.t = {}, {}, {}

    def step(self, p, g, key):
        if key not in self.m:
            self.m[key], self.v[key], self.t[key] = np.zeros_like(p), np.zeros_like(p), 0
        self.t[key] += 1
        t = self.t[key]
        m, v = self.m[key], self.v[key]
        m += (1 - self.b1) * (g - m)
        v += (1 - self.b2) * (g * g - v)
        lr_t = self.lr * math.sqrt(1 - self.b2 ** t) / (1 - self.b1 ** t)
        p -= (lr_t * m / (np.sqrt(v) + self.eps)).astype(p.dtype)


class RmsProp:
    """Keras (tf.keras optimizer_v2, momentum 0, not centred; Keras 3 the same): v starts at 0,
    v = rho*v + (1-rho)*g^2, p -= lr*g/(sqrt(v) + eps_hat)."""

    def __init__(self, lr=RMS_LR, rho=RMS_RHO, eps=RMS_EPS):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.v = {}

    def step(self, p, g, key):
        if key not in self.v:
            self.v[key] = np.zeros_like(p)
        v = self.v[key]
        v *= self.rho
        v += (1 - self.rho) * g * g
        p -= (self.lr * g / (np.sqrt(v) + self.eps)).astype(p.dtype)


def nae(V, WC, HC, method, iterations, checkpoints, seed, dtype, init, ftz=False):
    eps = np.finfo(dtype).eps
    Vd, WCd, HCd = V.astype(dtype), WC.astype(dtype), HC.astype(dtype)
    WE, WD, alpha = nae_init(V, WC, HC, seed, dtype, init)
    hist = []
    t0 = time.perf_counter()

    def record(i):
        hist.append((i, time.perf_counter() - t0) + errors(Vd, forward(WE, WD, Vd, HCd)[2]))

    record(0)
    opt = {"nae-sgd": Sgd, "nae-adam": Adam, "nae-rmsprop": RmsProp}.get(method)
    opt = opt() if opt else None
    for it in range(1, iterations + 1):
        if method == "nae-mu":
            H = np.maximum(WE @ Vd, 0) * HCd
            num = ((WD.T @ Vd) * HCd) @ Vd.T
            den = (((WD.T @ WD) @ H) * HCd) @ Vd.T + eps
            WE *= num / den
            flush(WE, ftz)
            H = np.maximum(WE @ Vd, 0) * HCd
            WD *= (Vd @ H.T) / (WD @ (H @ H.T) + eps)
            flush(WD, ftz)
        else:
            _, GE, GD = gradients(WE, WD, Vd, HCd)
            opt.step(WE, GE, "WE")
            opt.step(WD, GD, "WD")
            np.maximum(WD, 0, out=WD)
            WD *= WCd
        if it in checkpoints:
            record(it)
    return WE, WD, alpha, hist, time.perf_counter() - t0


# ----------------------------------------------------------------------------- self test
def self_test():
    """Central finite differences of the MSE loss vs. the analytic gradients, float64."""
    rng = np.random.default_rng(1)
    K, N, R = 12, 9, 4
    V = rng.random((K, N))
    HC = (rng.random((R, N)) < 0.6).astype(float)
    WD = rng.random((K, R)) * (rng.random((K, R)) < 0.7)
    WE = rng.random((R, K)) - 0.3          # some negative pre-activations exercise the ReLU mask
    _, GE, GD = gradients(WE, WD, V, HC)
    h = 1e-6
    worst = 0.0
    for P, G in ((WE, GE), (WD, GD)):
        for idx in np.ndindex(P.shape):
            old = P[idx]
            P[idx] = old + h
            lp = gradients(WE, WD, V, HC)[0]
            P[idx] = old - h
            lm = gradients(WE, WD, V, HC)[0]
            P[idx] = old
            fd = (lp - lm) / (2 * h)
            worst = max(worst, abs(fd - G[idx]) / max(1e-12, abs(fd) + abs(G[idx])))
    print(f"self-test: max relative |FD - analytic| = {worst:.3e}")
    return worst < 1e-6


# ----------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--audio")
    ap.add_argument("--score")
    ap.add_argument("--method", choices=METHODS, default="nmf")
    ap.add_argument("--iterations", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    ap.add_argument("--init", choices=("random", "tied"), default="random", help="NAE W_E initialisation")
    ap.add_argument("--history-every", type=int, default=100)
    ap.add_argument("--flush-subnormals", action="store_true",
                    help="multiplicative methods: set entries below the smallest normal number to 0")
    ap.add_argument("--json")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args(argv)
    if a.self_test:
        return 0 if self_test() else 1
    if not a.audio or not a.score:
        ap.error("--audio and --score are required")
    dtype = np.dtype(a.dtype).type

    x = read_audio(a.audio)
    V = np.abs(stft(x))
    K, N = V.shape
    notes = read_score_csv(a.score)
    pitches = sorted({p for _, _, p in notes})
    R = len(pitches)
    WC = template_constraint(pitches, K)
    HC = activation_constraint(notes, pitches, N)

    checkpoints = {1, 10, 100, 1000, 2000, 5000, 10000, a.iterations}
    if a.history_every > 0:
        checkpoints |= set(range(a.history_every, a.iterations + 1, a.history_every))
    checkpoints = {c for c in checkpoints if 1 <= c <= a.iterations}

    out = {
        "audio": a.audio, "score": a.score, "method": a.method, "iterations": a.iterations,
        "dtype": a.dtype, "numpy": np.__version__, "flush_subnormals": a.flush_subnormals,
        "samples": int(len(x)), "K": K, "N": N, "R": R, "pitches": pitches, "notes": len(notes),
        "sum_V": float(V.sum()), "V_k100_n50": float(V[100, 50]), "max_V": float(V.max()),
        "nnz_WC": int(WC.sum()), "nnz_HC": int(HC.sum()),
        "nnz_frac_WC": float(WC.mean()), "nnz_frac_HC": float(HC.mean()),
        "sum_WC": float(WC.sum()), "sum_HC": float(HC.sum()),
        "WC_col_nnz": [int(c) for c in WC.sum(axis=0)], "HC_row_nnz": [int(c) for c in HC.sum(axis=1)],
        "V_col_sum_first5": [float(c) for c in V[:, :5].sum(axis=0)],
    }
    if a.method == "nmf":
        W, H, hist, secs = nmf(V, WC, HC, a.iterations, checkpoints, dtype, a.flush_subnormals)
        Wn, Hn = l1_normalise(W, H)
    else:
        out.update(seed=a.seed, init=a.init)
        WE, WD, alpha, hist, secs = nae(V, WC, HC, a.method, a.iterations, checkpoints, a.seed, dtype, a.init,
                                         a.flush_subnormals)
        out["alpha"] = alpha
        H = np.maximum(WE @ V.astype(dtype), 0) * HC.astype(dtype)
        W = WD
        Wn, Hn = l1_normalise(WD, H)
        allowed = HC.sum(axis=1) > 0
        dead = allowed & ~(H > 0).any(axis=1)
        out["dead_pitches"] = [pitches[i] for i in np.flatnonzero(dead)]
    e_norm = errors(V.astype(dtype), Wn @ Hn)
    out.update(
        seconds=secs, seconds_per_iteration=secs / max(1, a.iterations),
        history=[{"iteration": i, "seconds": s, "l1_error": e, "relative_error": r, "frobenius_sq": f}
                 for i, s, e, r, f in hist],
        final_l1_error=hist[-1][2], final_relative_error=hist[-1][3], final_frobenius_sq=hist[-1][4],
        final_l1_error_after_l1_normalisation=e_norm[0],
    )
    print(f"K={K} N={N} R={R} samples={len(x)} sum(V)={out['sum_V']:.6f} V[100,50]={out['V_k100_n50']:.9g}")
    print(f"nnz(W^C)={out['nnz_WC']} ({out['nnz_frac_WC']:.4f})  nnz(H^C)={out['nnz_HC']} ({out['nnz_frac_HC']:.4f})")
    if "alpha" in out:
        print(f"alpha={out['alpha']:.9g}  dead pitches: {out['dead_pitches']}")
    for i, s, e, r, f in hist:
        print(f"  it {i:6d}  t={s:8.2f}s  l1={e:.6f}  rel={r:.6f}  frob2={f:.6g}")
    if a.iterations > 0:
        print(f"final l1={out['final_l1_error']:.6f} rel={out['final_relative_error']:.6f} "
              f"({out['seconds_per_iteration'] * 1000:.2f} ms/iteration)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
