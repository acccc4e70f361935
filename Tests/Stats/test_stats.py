"""`ecoprod stats` against scipy and numpy: on 200 random answer sets, the met rates, the Wilson
95% intervals, the point-biserial correlations (scipy.stats.pointbiserialr) and Cronbach's alpha
agree to 1e-9, computed here from the definitions in docs/stats.md; the JSON matches
Schemas/stats.schema.json.

Run by .ci/run: `python3 -m pytest -q Tests/Stats` (pip install scipy numpy).
"""
import json
import math
import os
import pathlib
import random
import subprocess

import jsonschema
import numpy
import pytest
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ECOPROD_BINARY", str(ROOT / ".build" / "debug" / "ecoprod"))
BUNDLE = json.loads((ROOT / "Framework" / "releases" / "ecoprod-label-1.2.0.json").read_text())


def random_sets(count, seed):
    rng = random.Random(seed)
    sets = []
    for index in range(count):
        kind = rng.choice([t["id"] for t in BUNDLE["production_types"]])
        skill = rng.random()
        answers = {}
        for criterion in BUNDLE["criteria"]:
            draw = rng.random()
            if draw < 0.08:
                continue
            if not criterion["mandatory"] and draw < 0.16:
                answers[criterion["id"]] = {"status": "not-applicable"}
            else:
                answers[criterion["id"]] = {"status": "met" if rng.random() < 0.35 + 0.6 * skill else "not-met"}
        sets.append({"framework": {"id": "ecoprod-label", "version": "1.2.0", "digest": BUNDLE["digest"]},
                     "production": {"title": f"Confidential {index}", "type": kind, "scheme": rng.choice(["performance", "commitment-phase"])},
                     "answers": answers})
    return sets


def wilson(successes, n):
    z = stats.norm.ppf(0.975)
    p = successes / n
    denominator = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return center - half, center + half


def status(answer_set, criterion):
    return answer_set["answers"].get(criterion["id"], {}).get("status")


def totals(answer_set):
    met = applicable = 0
    for criterion in BUNDLE["criteria"]:
        if answer_set["production"]["type"] in criterion["applies_to"] and status(answer_set, criterion) != "not-applicable":
            applicable += criterion["points"]
            met += criterion["points"] if status(answer_set, criterion) == "met" else 0
    return met, applicable


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    sets = random_sets(200, 20261206)
    stream = tmp_path_factory.mktemp("stats") / "sets.jsonl"
    stream.write_text("".join(json.dumps(s) + "\n" for s in sets))
    result = subprocess.run([BINARY, "stats", stream, "--format", "json", "--min-group", "1"], capture_output=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    return sets, json.loads(result.stdout), result.stdout


def test_the_json_matches_its_schema_and_names_no_production(computed):
    sets, report, raw = computed
    jsonschema.validate(report, json.loads((ROOT / "Schemas" / "stats.schema.json").read_text()))
    assert b"Confidential" not in raw
    assert report["productions"] == 200


def test_rates_and_wilson_intervals_agree_with_scipy(computed):
    sets, report, _ = computed
    for criterion, figures in zip(BUNDLE["criteria"], report["criteria"]):
        applies = [s for s in sets if s["production"]["type"] in criterion["applies_to"]]
        met = sum(status(s, criterion) == "met" for s in applies)
        assert figures["applies"] == len(applies)
        assert abs(figures["met_rate"] - met / len(applies)) < 1e-9, criterion["id"]
        low, high = wilson(met, len(applies))
        assert abs(figures["met_interval"][0] - low) < 1e-9 and abs(figures["met_interval"][1] - high) < 1e-9, criterion["id"]
        na = sum(status(s, criterion) == "not-applicable" for s in applies)
        assert abs(figures["not_applicable_rate"] - na / len(applies)) < 1e-9


def test_corrected_item_total_correlations_agree_with_pointbiserialr(computed):
    sets, report, _ = computed
    compared = 0
    for criterion, figures in zip(BUNDLE["criteria"], report["criteria"]):
        xs, ys = [], []
        for s in sets:
            if s["production"]["type"] not in criterion["applies_to"] or status(s, criterion) == "not-applicable":
                continue
            met, applicable = totals(s)
            x = 1 if status(s, criterion) == "met" else 0
            if applicable - criterion["points"] > 0:
                xs.append(x)
                ys.append((met - criterion["points"] * x) / (applicable - criterion["points"]))
        if len(set(xs)) < 2:
            assert figures["correlation"] is None
            continue
        r, _ = stats.pointbiserialr(numpy.array(xs), numpy.array(ys))
        assert abs(figures["correlation"] - r) < 1e-9, (criterion["id"], figures["correlation"], r)
        compared += 1
    assert compared > 60


def test_cronbach_alpha_agrees_with_numpy(computed):
    sets, report, _ = computed
    for department, figures in zip(BUNDLE["departments"], report["departments"]):
        criteria = [c for c in BUNDLE["criteria"] if c["department"] == department["id"]]
        rows = [[1 if status(s, c) == "met" else 0 for c in criteria] for s in sets
                if all(s["production"]["type"] in c["applies_to"] and status(s, c) != "not-applicable" for c in criteria)]
        if len(rows) < 2 or len(criteria) < 2:
            continue
        items = numpy.array(rows, dtype=float)
        k = items.shape[1]
        total_variance = items.sum(axis=1).var(ddof=1)
        if total_variance == 0:
            assert figures["alpha"] is None
            continue
        alpha = k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total_variance)
        assert abs(figures["alpha"] - alpha) < 1e-9, department["id"]
