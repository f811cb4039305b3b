#!/usr/bin/env python3
"""Merge the --json outputs of nae_reference.py (one directory) into reference-values.json."""
import glob
import json
import os
import sys

PIECE_KEYS = ("samples", "K", "N", "R", "pitches", "notes", "sum_V", "V_k100_n50", "max_V",
              "nnz_WC", "nnz_HC", "nnz_frac_WC", "nnz_frac_HC", "sum_WC", "sum_HC")
EXTRA_KEYS = ("WC_col_nnz", "HC_row_nnz", "V_col_sum_first5")


def main(src, dst):
    pieces = {}
    for path in sorted(glob.glob(os.path.join(src, "*.json"))):
        with open(path) as f:
            r = json.load(f)
        piece = os.path.basename(os.path.dirname(r["audio"]))
        p = pieces.setdefault(piece, {})
        for k in PIECE_KEYS + EXTRA_KEYS:
            if k in r:
                if k in p and p[k] != r[k]:
                    raise SystemExit(f"{path}: {k} differs between runs")
                p[k] = r[k]
        if r["iterations"] == 0:
            continue          # an initial-state-only run (constraints, V) adds no error history
        run = {
            "iterations": r["iterations"], "dtype": r["dtype"],
            "ms_per_iteration_1_thread": round(r["seconds_per_iteration"] * 1000, 2),
            "final_l1_error": r["final_l1_error"], "final_relative_error": r["final_relative_error"],
            "final_frobenius_sq": r["final_frobenius_sq"],
            "final_l1_error_after_l1_normalisation": r["final_l1_error_after_l1_normalisation"],
            "errors": {str(h["iteration"]): {"l1": h["l1_error"], "relative": h["relative_error"],
                                             "frobenius_sq": h["frobenius_sq"]} for h in r["history"]},
        }
        ftz = "/flush-subnormals" if r.get("flush_subnormals") else ""
        if r["method"] == "nmf":
            p.setdefault("nmf", {})[r["dtype"] + ftz] = run
        else:
            run.update(method=r["method"], init=r["init"], seed=r["seed"], alpha=r["alpha"],
                       dead_pitches=r["dead_pitches"])
            key = f'{r["method"]}/{r["init"]}/seed{r["seed"]}/{r["dtype"]}{ftz}'
            p.setdefault("nae", {})[key] = run
    out = {
        "generator": "scripts/reference/nae_reference.py (NumPy, dense); see scripts/reference/README.md",
        "conventions": {
            "audio": "16-bit PCM / 32768, mono, 22050 Hz",
            "V": "K x N magnitude STFT, V_k100_n50 = V[bin 100, frame 50]",
            "l1": "column-wise l1 error (1/N) sum |V - Vhat|",
            "relative": "sum |V - Vhat| / sum |V|",
            "frobenius_sq": "sum (V - Vhat)^2",
            "errors": "keyed by iteration count; 0 = initial state (NMF: W=W^C, H=H^C)",
        },
        "pieces": pieces,
    }
    with open(dst, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else
         os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference-values.json"))
