"""Contract check of a --jsonl stream, with Python's own JSON reader and jsonschema.

Usage: jsonl.py ROOT KIND STREAM INPUT
  KIND is score or migrate. Every stdout line must be one JSON object that validates against
  Schemas/jsonl-record.schema.json; result records must also validate against the single-file
  command's schema (score.schema.json or answers.schema.json) once `line` is removed; and the
  records must answer the non-blank input lines, in order.
"""
import json
import sys

import jsonschema
from referencing import Registry, Resource

root, kind, stream_path, input_path = sys.argv[1:5]


def load(name):
    with open(f"{root}/Schemas/{name}", encoding="utf-8") as f:
        return json.load(f)


registry = Registry().with_resources(
    (f"https://ecoprod.example/schemas/{name}", Resource.from_contents(load(name)))
    for name in ["diagnostics.schema.json", "jsonl-record.schema.json"]
)
record_validator = jsonschema.Draft202012Validator(load("jsonl-record.schema.json"), registry=registry)
result_validator = jsonschema.Draft202012Validator(load("score.schema.json" if kind == "score" else "answers.schema.json"))

with open(input_path, "rb") as f:
    wanted = [number for number, line in enumerate(f.read().split(b"\n"), start=1) if line.strip(b" \t\r")]
with open(stream_path, "rb") as f:
    data = f.read()
failures = 0
if data and not data.endswith(b"\n"):
    print("FAIL: the stream does not end with a line break")
    failures += 1
lines = data.split(b"\n")[:-1] if data else []
if len(lines) != len(wanted):
    print(f"FAIL: {len(lines)} records for {len(wanted)} non-blank input lines")
    failures += 1
for number, (raw, expected_line) in enumerate(zip(lines, wanted), start=1):
    record = json.loads(raw)
    errors = list(record_validator.iter_errors(record))
    if errors:
        print(f"FAIL: record {number} does not match jsonl-record.schema.json: {errors[0].message}")
        failures += 1
    if record.get("line") != expected_line:
        print(f"FAIL: record {number} answers line {record.get('line')}, expected {expected_line}")
        failures += 1
    if "diagnostics" not in record:
        result = {k: v for k, v in record.items() if k != "line"}
        errors = list(result_validator.iter_errors(result))
        if errors:
            print(f"FAIL: result record {number} does not match the {kind} schema: {errors[0].message}")
            failures += 1
print(f"jsonl {kind}: {len(lines)} records, {failures} failed")
sys.exit(1 if failures else 0)
