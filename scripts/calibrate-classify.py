#!/usr/bin/env python3
"""Fits the confidence calibration table of the built-in classifier (docs/classify.md).

Usage: scripts/calibrate-classify.py HARK LABELED.jsonl

Runs `HARK classify` on labeled JSON lines (a `label` key per record), groups the records by
the classifier's raw confidence (its top score in `scores`), and fits a monotone map from raw
confidence to the share of records whose class is right (pool-adjacent-violators), read off
at fixed knots. Prints the knots for kCalibration in lib/src/classify/classify.cpp and a
reliability table. The raw confidence is the top of `scores`, which the table does not touch.
"""
import json
import subprocess
import sys

# Raw top scores are binned by tenths from 0.2 (five classes: the top score is at least 0.2);
# each bin's share of right answers, made monotone, is the calibrated value at its centre.
CENTRES = [0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]


def monotone(values, weights):
    """Pool adjacent violators: the closest non-decreasing sequence, weighted."""
    blocks = []  # [mean, weight, count]
    for v, w in zip(values, weights):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, n2 = blocks.pop()
            v1, w1, n1 = blocks[-1]
            blocks[-1] = [(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2]
    out = []
    for v, _, n in blocks:
        out += [v] * n
    return out


def main():
    hark, data = sys.argv[1], sys.argv[2]
    out = subprocess.run([hark, "classify", data], capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    points = [(max(r["scores"].values()), r["class"] == r["label"]) for r in rows]
    shares, counts = [], []
    print("raw top score   n     right")
    for c in CENTRES:
        sel = [right for x, right in points if c - 0.05 <= x < c + 0.05 or (c == CENTRES[-1] and x >= 1)]
        counts.append(len(sel))
        shares.append(sum(sel) / len(sel) if sel else 0.0)
        print("%.2f-%.2f     %5d  %.3f" % (c - 0.05, c + 0.05, len(sel), shares[-1]))
    print("kCalibration:", ", ".join("%.3f" % v for v in monotone(shares, counts)))
    print("confidence (as calibrated now)   n     right")
    for lo in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        sel = [r["class"] == r["label"] for r in rows if lo <= r["confidence"] < lo + 0.1]
        if sel:
            print("%.1f-%.1f     %5d  %.3f" % (lo, lo + 0.1, len(sel), sum(sel) / len(sel)))


if __name__ == "__main__":
    main()
