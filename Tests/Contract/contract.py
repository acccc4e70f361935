"""Contract checks run by .ci/run with real third-party tools.

1. Every Framework/ file validates against Schemas/framework.schema.json (Python jsonschema),
   read with a YAML loader that types scalars as the strict profile does (booleans are only
   true/false, integers only decimal), so the schema sees what editors' yaml-language-server sees.
2. The schema rejects the structural defects that `ecoprod check` rejects.
3. The built bundle validates against Schemas/bundle.schema.json, and an independent JCS +
   SHA-256 written here reproduces its digest.
"""
import copy
import glob
import hashlib
import json
import re
import sys

import jsonschema
import yaml

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
BUNDLE = sys.argv[2] if len(sys.argv) > 2 else None
DIFFS = sys.argv[3:]


class StrictLoader(yaml.SafeLoader):
    """YAML 1.2 core-like typing: true/false only, decimal integers only."""


StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$"), list("-0123456789"))

failures = 0


def check(condition, message):
    global failures
    if condition:
        print(f"ok: {message}")
    else:
        failures += 1
        print(f"FAIL: {message}")


with open(f"{ROOT}/Schemas/framework.schema.json") as f:
    framework_schema = json.load(f)
jsonschema.Draft7Validator.check_schema(framework_schema)
validator = jsonschema.Draft7Validator(framework_schema)

files = sorted(glob.glob(f"{ROOT}/Framework/*.yaml") + glob.glob(f"{ROOT}/Framework/departments/*.yaml"))
check(len(files) == 11, f"found {len(files)} framework files")
documents = {}
for path in files:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check(text.startswith("# yaml-language-server: $schema="), f"{path} starts with the yaml-language-server schema line")
    documents[path] = yaml.load(text, Loader=StrictLoader)
    errors = list(validator.iter_errors(documents[path]))
    check(not errors, f"{path} validates against framework.schema.json" + (f": {errors[0].message}" if errors else ""))

department_file = next(p for p in files if p.endswith("A-production.yaml"))
framework_file = next(p for p in files if p.endswith("framework.yaml"))


def mutate(path, change):
    document = copy.deepcopy(documents[path])
    change(document)
    return document


defects = {
    "mandatory: yes": (department_file, lambda d: d["criteria"][0].__setitem__("mandatory", "yes")),
    "points: -3": (department_file, lambda d: d["criteria"][0].__setitem__("points", -3)),
    "points: 0x10": (department_file, lambda d: d["criteria"][0].__setitem__("points", "0x10")),
    "points: three": (department_file, lambda d: d["criteria"][0].__setitem__("points", "three")),
    "misspelt key": (department_file, lambda d: d["criteria"][0].__setitem__("guidanse", d["criteria"][0].pop("guidance"))),
    "missing translation": (department_file, lambda d: d["criteria"][0]["title"].pop("en")),
    "threshold without comparison": (framework_file, lambda d: d["scoring"]["schemes"][0]["threshold"].pop("comparison")),
    "threshold over 100": (framework_file, lambda d: d["scoring"]["schemes"][0]["threshold"].__setitem__("percent", 120)),
    "threshold of 0": (framework_file, lambda d: d["scoring"]["schemes"][0]["threshold"].__setitem__("percent", 0)),
    "unknown comparison": (framework_file, lambda d: d["scoring"]["schemes"][0]["threshold"].__setitem__("comparison", "over")),
    "invalid version": (framework_file, lambda d: d.__setitem__("version", "1.0")),
}
for name, (path, change) in defects.items():
    check(not validator.is_valid(mutate(path, change)), f"schema rejects {name}")
check(yaml.load("mandatory: yes", Loader=StrictLoader)["mandatory"] == "yes", "the strict loader keeps 'yes' as text")


def jcs(value):
    """RFC 8785 for the value types a bundle holds (no floats: bundles hold integers only)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            code = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch in "\b\t\n\f\r":
                out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[ch])
            elif code < 0x20:
                out.append("\\u%04x" % code)
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(jcs(k) + ":" + jcs(value[k]) for k in keys) + "}"
    raise TypeError(f"a bundle holds no {type(value).__name__}")


if BUNDLE:
    with open(f"{ROOT}/Schemas/bundle.schema.json") as f:
        bundle_schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(bundle_schema)
    with open(BUNDLE, encoding="utf-8") as f:
        bundle = json.load(f)
    errors = list(jsonschema.Draft202012Validator(bundle_schema).iter_errors(bundle))
    check(not errors, f"{BUNDLE} validates against bundle.schema.json" + (f": {errors[0].message} at {list(errors[0].path)}" if errors else ""))
    content = {k: v for k, v in bundle.items() if k != "digest"}
    digest = "sha256:" + hashlib.sha256(jcs(content).encode("utf-8")).hexdigest()
    check(digest == bundle["digest"], f"independent Python JCS + SHA-256 reproduces the digest ({digest})")
    check(len(bundle["criteria"]) == 80 and sum(c["mandatory"] for c in bundle["criteria"]) == 8, "bundle holds 80 criteria, 8 mandatory")
    broken = copy.deepcopy(bundle)
    del broken["criteria"][0]["points"]
    check(not jsonschema.Draft202012Validator(bundle_schema).is_valid(broken), "bundle schema rejects a criterion without points")

if DIFFS:
    with open(f"{ROOT}/Schemas/diff.schema.json") as f:
        diff_schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(diff_schema)
    diff_validator = jsonschema.Draft202012Validator(diff_schema)
    for path in DIFFS:
        with open(path, encoding="utf-8") as f:
            diff = json.load(f)
        errors = list(diff_validator.iter_errors(diff))
        check(not errors, f"{path} validates against diff.schema.json" + (f": {errors[0].message}" if errors else ""))
        order = {"patch": 0, "minor": 1, "major": 2}
        expected = max((order[c["bump"]] for c in diff["changes"]), default=-1)
        check(order.get(diff["required_bump"], -1) == expected, f"{path}: required_bump is the largest bump of its changes")

for path in sorted(glob.glob(f"{ROOT}/Framework/releases/*.json")):
    with open(path, encoding="utf-8") as f:
        release = json.load(f)
    content = {k: v for k, v in release.items() if k != "digest"}
    digest = "sha256:" + hashlib.sha256(jcs(content).encode("utf-8")).hexdigest()
    check(digest == release["digest"], f"independent digest of {path} matches")

answers_schema_path = f"{ROOT}/Schemas/answers.schema.json"
score_schema_path = f"{ROOT}/Schemas/score.schema.json"
with open(answers_schema_path) as f:
    answers_validator = jsonschema.Draft202012Validator(json.load(f))
with open(score_schema_path) as f:
    score_validator = jsonschema.Draft202012Validator(json.load(f))
kit = sorted(glob.glob(f"{ROOT}/Tests/Conformance/*/*.answers.json"))
check(len(kit) >= 16, f"conformance kit has {len(kit)} answer sets")
for path in kit:
    with open(path, encoding="utf-8") as f:
        errors = list(answers_validator.iter_errors(json.load(f)))
    check(not errors, f"{path} validates against answers.schema.json" + (f": {errors[0].message}" if errors else ""))
    with open(path.replace(".answers.json", ".expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    if "errors" not in expected:
        errors = list(score_validator.iter_errors(expected))
        check(not errors, f"{path}: expected score validates against score.schema.json" + (f": {errors[0].message}" if errors else ""))

print(f"contract: {failures} failed")
sys.exit(1 if failures else 0)
