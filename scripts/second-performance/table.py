#!/usr/bin/env python3
"""Prints the tables of docs/nae.md ("Another performance") from the folders adapt-experiment.sh wrote.
Usage: table.py OUT [OUT ...]
"""
import csv
import json
import os
import sys


def summary(d):
    with open(os.path.join(d, "summary.json")) as f:
        return json.load(f)


def history(d):
    with open(os.path.join(d, "history.csv")) as f:
        return {int(r["iteration"]): (float(r["l1_error"]), float(r["seconds"])) for r in csv.DictReader(f)}


def main(outs):
    print("| piece | learning rate | " + " | ".join("%d it." % i for i in (0, 50, 100, 200, 400))
          + " | first within 15 % of fresh |")
    print("|---" * 8 + "|")
    for out in outs:
        name = os.path.basename(out.rstrip("/"))
        fresh = summary(os.path.join(out, "fresh-b"))
        goal = 1.15 * fresh["l1_error"]
        for lr in ("model", "0.003", "0.01"):
            d = os.path.join(out, "adapt-b-" + lr)
            h = history(d)
            cells = ["%.1f (%.2fx)" % (h[i][0], h[i][0] / fresh["l1_error"]) for i in (0, 50, 100, 200, 400)]
            first = next((i for i in sorted(h) if h[i][0] <= goal), None)
            reach = "never" if first is None else "%d it., %.1f s" % (first, h[first][1])
            rate = summary(d)["parameters"]["run"]["learning_rate"]
            print("| %s | %g%s | %s | %s |" % (name, rate, " (model's)" if lr == "model" else "", " | ".join(cells),
                                               reach))
    print()
    print("| piece | fresh training on B (2000 it.) | fresh B after 400 it. | model A | plain encode of B |")
    print("|---|---|---|---|---|")
    for out in outs:
        name = os.path.basename(out.rstrip("/"))
        fresh = summary(os.path.join(out, "fresh-b"))
        h = history(os.path.join(out, "fresh-b"))
        a = summary(os.path.join(out, "model-a"))
        e = summary(os.path.join(out, "encode-b"))
        print("| %s | %.1f in %.1f s | %.1f (%.2fx) in %.1f s | %.1f in %.1f s | %.1f (%.2fx) |" % (
            name, fresh["l1_error"], fresh["seconds"], h[400][0], h[400][0] / fresh["l1_error"], h[400][1],
            a["l1_error"], a["seconds"], e["l1_error"], e["l1_error"] / fresh["l1_error"]))
    print()
    print("| piece | joint model: A | joint model: B | separate: A | separate: B | joint training |")
    print("|---|---|---|---|---|---|")
    for out in outs:
        name = os.path.basename(out.rstrip("/"))
        j = summary(os.path.join(out, "joint"))
        pa = summary(os.path.join(out, "joint", "performance-1"))
        pb = summary(os.path.join(out, "joint", "performance-2"))
        a = summary(os.path.join(out, "model-a"))
        b = summary(os.path.join(out, "fresh-b"))
        print("| %s | %.1f (%.2fx) | %.1f (%.2fx) | %.1f | %.1f | %.1f s (N = %d) |" % (
            name, pa["l1_error"], pa["l1_error"] / a["l1_error"], pb["l1_error"], pb["l1_error"] / b["l1_error"],
            a["l1_error"], b["l1_error"], j["seconds"], j["N"]))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
