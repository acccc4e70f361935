"""The audit plan and the certificate, checked by tools that are not ecoprod.

- replay_sample.py, written from docs/audit.md alone, replays the sample of 20 random answer
  sets exactly: seed, every ticket, and the sample in order;
- Python's jsonschema validates plans, findings and certificates against Schemas/;
- OpenSSH's ssh-keygen -Y verify accepts the plan (ecoprod-audit) and the certificate
  (ecoprod-certificate) under the principals of one allowed_signers file.

Run by .ci/run after `swift build`: `python3 -m pytest -q Tests/Audit` (ECOPROD_BINARY picks the binary).
"""
import json
import os
import pathlib
import random
import subprocess

import jsonschema
import pytest

from replay_sample import replay

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ECOPROD_BINARY", str(ROOT / ".build" / "debug" / "ecoprod"))
BUNDLE = ROOT / "Framework" / "releases" / "ecoprod-label-1.2.0.json"


def ecoprod(*arguments, check=True):
    result = subprocess.run([BINARY, *map(str, arguments)], capture_output=True, timeout=120, cwd=ROOT)
    if check and result.returncode != 0:
        raise AssertionError(f"ecoprod {' '.join(map(str, arguments))} failed:\n{result.stderr.decode()}")
    return result


def schema(name):
    return json.loads((ROOT / "Schemas" / f"{name}.schema.json").read_text())


def make_parties(folder):
    """The scorer's, the auditor's and the label's keys, and one allowed_signers for the three."""
    lines = []
    for name, namespace in [("scorer", "ecoprod-statement"), ("auditor", "ecoprod-audit"), ("label", "ecoprod-certificate")]:
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder / name], check=True)
        lines.append(f'{name}@example namespaces="{namespace}" {(folder / (name + ".pub")).read_text().strip()}')
    (folder / "signers").write_text("\n".join(lines) + "\n")
    return folder


@pytest.fixture(scope="module")
def parties(tmp_path_factory):
    return make_parties(tmp_path_factory.mktemp("keys"))


def random_answers(seed, bundle, eligible=False):
    """Answers to a random few departments (so that some samples are drawn beyond one claim per
    department), with random statuses; with `eligible`, every mandatory criterion met."""
    rng = random.Random(seed)
    kind = rng.choice([t["id"] for t in bundle["production_types"]])
    count = len(bundle["departments"]) if eligible else rng.randint(3, len(bundle["departments"]))
    departments = {d["id"] for d in rng.sample(bundle["departments"], count)}
    answers = {}
    for criterion in bundle["criteria"]:
        if not criterion["mandatory"] and (criterion["department"] not in departments or rng.random() < 0.1):
            continue
        statuses = ["met"] * 6 + ["not-met"] * 2 + ([] if criterion["mandatory"] else ["not-applicable"])
        if eligible:
            statuses = ["met"]
        answers[criterion["id"]] = {"status": rng.choice(statuses), "evidence": [f"{criterion['id']}.pdf"]}
    return {"framework": {"id": bundle["framework"]["id"], "version": bundle["framework"]["version"], "digest": bundle["digest"]},
            "production": {"title": f"Production {seed}", "type": kind, "scheme": rng.choice([s["id"] for s in bundle["scoring"]["schemes"]])},
            "answers": answers}


def plan_for(folder, parties, seed, bundle, eligible=False):
    answers = folder / f"answers-{seed}.json"
    answers.write_text(json.dumps(random_answers(seed, bundle, eligible), ensure_ascii=False))
    statement = folder / f"answers-{seed}.statement.json"
    ecoprod("score", answers, "--statement", statement, "--sign", parties / "scorer", "--date", "2026-12-06", "--format", "json")
    beacon = f"drand quicknet round {1000 + seed}: {random.Random(seed).getrandbits(128):032x}"
    ecoprod("audit", "plan", statement, "--answers", answers, "--beacon", beacon, "--sign", parties / "auditor",
            "--allowed-signers", parties / "signers", "--date", "2026-12-07")
    return answers, statement, folder / f"answers-{seed}.plan.json", beacon


def test_twenty_random_samples_replay_from_the_docs(tmp_path, parties):
    bundle = json.loads(BUNDLE.read_text())
    reasons = set()
    for seed in range(20):
        answers, statement, plan_path, beacon = plan_for(tmp_path, parties, seed, bundle)
        plan = json.loads(plan_path.read_text())
        jsonschema.validate(plan, schema("audit-plan"))
        seed_hex, tickets, sample = replay(bundle, json.loads(answers.read_text()), statement.read_bytes(), beacon)
        assert plan["predicate"]["seed"] == seed_hex, seed
        assert plan["predicate"]["tickets"] == tickets, seed
        assert plan["predicate"]["sample"] == [{"criterion": i, "reason": r} for i, r in sample], seed
        reasons.update(r for _, r in sample)
    assert reasons == {"mandatory", "department", "draw"}


def test_plan_and_certificate_verify_with_openssh_and_match_their_schemas(tmp_path, parties):
    bundle = json.loads(BUNDLE.read_text())
    seed = 7
    answers, statement, plan, _ = plan_for(tmp_path, parties, seed, bundle, eligible=True)
    assert json.loads(ecoprod("score", answers, "--format", "json").stdout)["eligible"]
    template = json.loads((tmp_path / f"answers-{seed}.findings.json").read_text())
    for finding in template["findings"].values():
        finding.update(outcome="confirmed", note="evidence seen")
    findings = tmp_path / "findings.json"
    findings.write_text(json.dumps(template))
    jsonschema.validate(template, schema("findings"))
    certificate = tmp_path / "certificate.json"
    ecoprod("certify", statement, "--answers", answers, "--plan", plan, "--findings", findings, "--sign", parties / "label",
            "--allowed-signers", parties / "signers", "--date", "2026-12-08", "--output", certificate)
    jsonschema.validate(json.loads(certificate.read_text()), schema("certificate"))
    for document, principal, namespace in [(plan, "auditor@example", "ecoprod-audit"), (certificate, "label@example", "ecoprod-certificate")]:
        with open(document, "rb") as stdin:
            result = subprocess.run(["ssh-keygen", "-Y", "verify", "-n", namespace, "-f", parties / "signers", "-I", principal,
                                     "-s", f"{document}.sig"], stdin=stdin, capture_output=True)
        assert result.returncode == 0, result.stderr.decode()
        with open(document, "rb") as stdin:
            wrong = subprocess.run(["ssh-keygen", "-Y", "verify", "-n", "ecoprod-bundle", "-f", parties / "signers", "-I", principal,
                                    "-s", f"{document}.sig"], stdin=stdin, capture_output=True)
        assert wrong.returncode != 0
