#!/usr/bin/env bash
# The JSON report's counts equal an independent count in Python over the same input: records
# (read, duplicates, undated, after the window), totals per class, the previous period,
# volume per bucket, breakdowns, the queue by SLA state and the response metrics; for a daily
# and a weekly window. The input mixes generated mentions with repeated ids, missing and
# unknown classes, missing keys, undated and future records, and unreadable answer times.
# Usage: report_counts.sh HARK SOURCE_DIR
set -u
hark=$1
src=$2
command -v python3 > /dev/null || { echo "skip: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now=2026-11-24T12:00:00Z
python3 "$src/bench/gen_classified.py" 6000 11 2026-11-25T00:00:00Z 20 > "$tmp/gen.jsonl"
python3 - "$tmp/gen.jsonl" > "$tmp/in.jsonl" <<'PY'
import json, random, sys
rng = random.Random(5)
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
out = []
for r in lines:
    x = rng.random()
    if x < 0.03: del r["class"]
    elif x < 0.05: r["class"] = "spam"
    elif x < 0.07: r["published"] = None
    elif x < 0.08: r["published"] = "last tuesday"
    elif x < 0.10: del r["answered_at"]
    elif x < 0.12: r["answered_at"] = "soon"
    elif x < 0.14: del r["lang"]
    elif x < 0.16: r["channel"] = "private"
    elif x < 0.18: r["source"] = None
    out.append(r)
    if rng.random() < 0.05:  # a later copy of the same id, which must not count
        c = dict(r)
        c["class"] = "praise"
        out.append(c)
rng.shuffle(out)
for r in out:
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
PY

fail=0
for period in day week; do
  "$hark" report --now "$now" --period "$period" --answers-from '*' --format json "$tmp/in.jsonl" \
    > "$tmp/report.json" || { echo "FAIL: --period $period: hark report failed"; fail=1; continue; }
  python3 - "$tmp/in.jsonl" "$tmp/report.json" "$now" "$period" <<'PY' || fail=1
import json, math, sys
from datetime import datetime, timezone
path, report_path, now_s, period = sys.argv[1:]
CLASSES = ["complaint", "question", "praise", "expert-tip", "other"]
SLA = 48 * 3600

def t(s):
    try:
        return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())
    except (TypeError, ValueError):
        return None

now = t(now_s)
step, n = (3600, 24) if period == "day" else (86400, 7)
to, frm = now, now - n * step
prev = frm - n * step

def zero():
    return {c: 0 for c in CLASSES + ["unclassified"]}

seen = set()
rec = {"read": 0, "duplicates": 0, "undated": 0, "after_window": 0}
totals, previous = zero(), zero()
volume = [zero() for _ in range(n)]
breakdown = {"source": {}, "channel": {}, "lang": {}}
queue = {"overdue": 0, "due": 0, "ok": 0, "unknown": 0}
known = answered = within = 0
lat = []
earliest = None
for line in open(path, encoding="utf-8"):
    r = json.loads(line)
    if r["id"] in seen:
        rec["duplicates"] += 1
        continue
    seen.add(r["id"])
    rec["read"] += 1
    p = t(r.get("published"))
    if p is None:
        rec["undated"] += 1
        continue
    if p >= to:
        rec["after_window"] += 1
        continue
    earliest = p if earliest is None else min(earliest, p)
    cls = r.get("class") if r.get("class") in CLASSES else "unclassified"
    if frm <= p:
        totals[cls] += 1
        volume[(p - frm) // step][cls] += 1
        for key in breakdown:
            name = r.get(key) if r.get(key) is not None else "unknown"
            breakdown[key].setdefault(name, zero())[cls] += 1
    elif prev <= p:
        previous[cls] += 1
    if cls in ("complaint", "question") and p >= frm - 7 * 86400:
        if "answered_at" not in r:
            state_known, a = False, None
        elif r["answered_at"] is None:
            state_known, a = True, None
        else:
            a = t(r["answered_at"])
            state_known = a is not None
            if a is not None and a > now:
                a = None
        if p >= frm and state_known:
            known += 1
            if a is not None:
                answered += 1
                lat.append(max(0, a - p))
                within += max(0, a - p) <= SLA
        if a is None:
            age = now - p
            queue["unknown" if not state_known else "overdue" if age > SLA
                  else "due" if age > SLA - 12 * 3600 else "ok"] += 1

got = json.load(open(report_path, encoding="utf-8"))
problems = []
def same(what, want, have):
    if want != have:
        problems.append(f"{what}: independent count {want}, report {have}")

same("records", rec, got["records"])
same("totals.mentions", sum(totals.values()), got["totals"]["mentions"])
same("totals.by_class", totals, got["totals"]["by_class"])
want_prev = {"mentions": sum(previous.values()), "by_class": previous} if earliest <= prev else None
same("totals.previous", want_prev, got["totals"]["previous"])
same("volume", [{"mentions": sum(v.values()), "by_class": v} for v in volume],
     [{"mentions": b["mentions"], "by_class": b["by_class"]} for b in got["volume"]])
for key, rows in breakdown.items():
    same(f"breakdown.{key}", {k: {"mentions": sum(v.values()), "by_class": v} for k, v in rows.items()},
         {row["name"]: {"mentions": row["mentions"], "by_class": row["by_class"]}
          for row in got["breakdown"][key]})
    sizes = [row["mentions"] for row in got["breakdown"][key]]
    same(f"breakdown.{key} largest first", sorted(sizes, reverse=True), sizes)
same("queue.total", sum(queue.values()), got["queue"]["total"])
same("queue.by_state", queue, got["queue"]["by_state"])
lat.sort()
rank = lambda q: lat[max(1, math.ceil(q / 100 * len(lat))) - 1] if lat else None
resp = got["response"]
same("response counts", (known, answered, within),
     (resp["known"], resp["answered"], resp["within_sla"]))
same("response percentiles", (rank(50), rank(90)), (resp["median_seconds"], resp["p90_seconds"]))
for name, want in (("rate", answered / known * 100), ("within_sla_rate", within / known * 100)):
    if abs(resp[name] - want) > 0.05 + 1e-9:
        problems.append(f"response.{name}: independent {want:.3f}, report {resp[name]}")
if totals["complaint"] < 50 or sum(queue.values()) < 50 or rec["duplicates"] < 50:
    problems.append("the input is too small to prove much")
for p in problems:
    print(f"FAIL --period {period}: {p}")
if not problems:
    print(f"ok   --period {period}: {sum(totals.values())} mentions in the window, "
          f"{rec['read']} ids read, queue {sum(queue.values())}, counts equal")
sys.exit(1 if problems else 0)
PY
done
exit $fail
