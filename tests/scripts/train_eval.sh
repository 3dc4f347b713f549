#!/usr/bin/env bash
# `hark train` then `hark eval --model` on the separable toy set: the model must get every
# mention right, and the JSON figures must say so; --folds must account for every mention.
set -euo pipefail
hark=$1
toy=$2/tests/data/learn/toy.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$hark" train "$toy" --output "$tmp/toy.model"
"$hark" eval "$toy" --model "$tmp/toy.model" --json > "$tmp/eval.json"
python3 - "$tmp/eval.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
assert e["mentions"] == 30, e
assert e["macro_f1"] == 1.0 and e["accuracy"] == 1.0, e
for name, c in e["classes"].items():
    assert c == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 6}, (name, c)
    assert e["confusion"][name][name] == 6, e["confusion"]
assert sorted(e["languages"]) == ["de", "en", "es", "fr", "it", "nl"], e["languages"]
assert all(l == {"mentions": 5, "macro_f1": 1.0} for l in e["languages"].values()), e
PY

"$hark" eval "$toy" --folds 3 --json > "$tmp/cv.json"
python3 - "$tmp/cv.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
assert e["folds"] == 3 and e["mentions"] == 30, e
assert sum(sum(row.values()) for row in e["confusion"].values()) == 30, e
PY

# The text table carries the same figures.
"$hark" eval "$toy" --model "$tmp/toy.model" > "$tmp/eval.txt"
grep -q '^macro-F1 1.000  accuracy 1.000' "$tmp/eval.txt"
grep -q '^expert-tip       1.000     1.000     1.000         6$' "$tmp/eval.txt"

# classify --model: the model decides (every toy mention right, as eval said), the built-in
# cues stay as the evidence, and threads keep the same output.
"$hark" classify --model "$tmp/toy.model" "$toy" > "$tmp/classified.jsonl"
"$hark" classify --model "$tmp/toy.model" --threads 2 "$toy" | cmp - "$tmp/classified.jsonl"
python3 - "$tmp/classified.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 30, len(rows)
for r in rows:
    assert r["class"] == r["label"], r
    assert r["confidence"] == max(r["scores"].values()), r
    assert abs(sum(r["scores"].values()) - 1) < 0.01, r
assert sum(1 for r in rows if r["cues"]) >= 20, "the built-in cues should still be reported"
PY
