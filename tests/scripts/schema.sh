#!/usr/bin/env bash
# Validates records against docs/mention.schema.json: the bundled examples, hark's own
# output for them, and hand-written samples that must be rejected.
set -euo pipefail
hark=$1
src=$2
py=/usr/bin/python3
if ! "$py" -c 'import jsonschema' 2>/dev/null; then
  echo "skipped: python3-jsonschema is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$hark" filter "$src/examples/mentions.jsonl" > "$tmp/filtered.jsonl"
cmp "$src/examples/mentions.jsonl" "$tmp/filtered.jsonl"
"$py" - "$src/docs/mention.schema.json" "$src/examples/mentions.jsonl" \
  "$tmp/filtered.jsonl" "$src/tests/data/schema/valid.jsonl" \
  --invalid "$src/tests/data/schema/invalid.jsonl" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
args = sys.argv[2:]
split = args.index("--invalid")
good, bad = args[:split], args[split + 1:]
failed = 0
for path in good:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        errs = list(v.iter_errors(json.loads(line)))
        if errs:
            print(f"{path}:{n}: should be valid: {errs[0].message}")
            failed += 1
for path in bad:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if v.is_valid(json.loads(line)):
            print(f"{path}:{n}: should be invalid")
            failed += 1
sys.exit(1 if failed else 0)
PY
