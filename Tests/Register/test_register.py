"""The public register, checked by Go's own golang.org/x/mod/sumdb/{note,tlog} (verify.go) as
well as by `ecoprod register verify`:

- Go accepts every checkpoint, tree, tile and proof ecoprod writes, and every earlier
  checkpoint as consistent with the later ones;
- both refuse a changed entry, a removed entry, a reordered pair, a truncated tile, a
  checkpoint signed by another key, and a checkpoint that forks from an earlier one;
- an append killed by SIGKILL at random points, 50 times, always leaves a register that both verify;
- the page lists the right current status after issue, suspension, reinstatement and withdrawal.

Run by .ci/run: `python3 -m pytest -q Tests/Register` (Debian: golang-go, golang-golang-x-mod-dev).
"""
import json
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Audit"))
from test_audit import BUNDLE, ecoprod, make_parties, plan_for  # noqa: E402  (shared helpers, not tests)

BINARY = os.environ.get("ECOPROD_BINARY", str(ROOT / ".build" / "debug" / "ecoprod"))
ORIGIN = "example.org/ecoprod-register"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Three certificates, a register of six events on them, each checkpoint kept, and Go's verifier built."""
    folder = make_parties(tmp_path_factory.mktemp("register"))
    bundle = json.loads(BUNDLE.read_text())
    certificates = []
    for seed in (11, 12, 13):
        answers, statement, plan, _ = plan_for(folder, folder, seed, bundle, eligible=True)
        template = json.loads((folder / f"answers-{seed}.findings.json").read_text())
        for finding in template["findings"].values():
            finding.update(outcome="confirmed", note="seen")
        (folder / f"findings-{seed}.json").write_text(json.dumps(template))
        certificate = folder / f"certificate-{seed}.json"
        ecoprod("certify", statement, "--answers", answers, "--plan", plan, "--findings", folder / f"findings-{seed}.json",
                "--sign", folder / "label", "--allowed-signers", folder / "signers", "--date", "2026-12-08", "--output", certificate)
        certificates.append(certificate)
    go = folder / "verify-go"
    env = dict(os.environ, GO111MODULE="off", GOPATH="/usr/share/gocode", GOCACHE=str(folder / "gocache"))
    subprocess.run(["go", "build", "-o", go, ROOT / "Tests" / "Register" / "verify.go"], check=True, env=env)
    site = folder / "site"
    ecoprod("register", "init", site, "--origin", ORIGIN, "--key-output", folder / "keys" / "register.key")
    a, b, c = certificates
    checkpoints = []
    for certificate, event in [(a, "issued"), (b, "issued"), (a, "suspended"), (c, "issued"), (a, "reinstated"), (b, "withdrawn")]:
        append(folder, site, certificate, event)
        checkpoints.append(folder / f"checkpoint-{len(checkpoints) + 1}")
        shutil.copy(site / "checkpoint", checkpoints[-1])
    return {"folder": folder, "site": site, "certificates": certificates, "checkpoints": checkpoints, "go": go}


def append(folder, site, certificate, event, check=True):
    reason = [] if event == "issued" else ["--reason", f"{event} by the label"]
    return ecoprod("register", "append", site, certificate, "--event", event, *reason, "--key", folder / "keys" / "register.key",
                   "--allowed-signers", folder / "signers", "--date", "2026-12-09", check=check)


def verify_both(world, site, previous=None):
    """(ecoprod's exit status and codes, Go's exit status)."""
    extra = ["--previous", previous] if previous else []
    ours = ecoprod("register", "verify", site, "--verifier-key", world["folder"] / "keys" / "register.key.pub", "--format", "json",
                   *extra, check=False)
    codes = {d["code"] for d in json.loads(ours.stdout or b'{"diagnostics": []}')["diagnostics"]}
    go = subprocess.run([world["go"], site, world["folder"] / "keys" / "register.key.pub", *([previous] if previous else [])],
                        capture_output=True)
    return ours.returncode, codes, go.returncode, go.stderr.decode()


def test_go_accepts_every_checkpoint_tree_tile_and_proof(world):
    for previous in [None] + world["checkpoints"]:
        status, codes, go, message = verify_both(world, world["site"], previous)
        assert (status, codes, go) == (0, set(), 0), message
    proofs = sorted((world["site"] / "proofs").glob("*.tlog-proof"))
    assert len(proofs) == 6
    key = world["folder"] / "keys" / "register.key.pub"
    assert ecoprod("register", "check-proof", world["certificates"][0], proofs[0], "--verifier-key", key).returncode == 0
    assert ecoprod("register", "check-proof", world["certificates"][1], proofs[0], "--verifier-key", key, check=False).returncode == 1


def test_every_entry_matches_its_schema(world):
    import jsonschema
    schema = json.loads((ROOT / "Schemas" / "register-entry.schema.json").read_text())
    for entry in entries(world["site"]):
        jsonschema.validate(json.loads(entry), schema)
    assert json.loads(entries(world["site"])[2])["reason"] == "suspended by the label"


def test_the_page_shows_each_current_status(world):
    page = ecoprod("render", world["site"], "--verifier-key", world["folder"] / "keys" / "register.key.pub").stdout.decode()
    statuses = re.findall(r'<tr data-status="([a-z]+)"><th scope="row"><a href="certificates/([0-9a-f]+)\.json">', page)
    assert [s for s, _ in statuses] == ["certified", "withdrawn", "certified"]
    assert "proofs/4.tlog-proof" in page and "proofs/5.tlog-proof" in page and "proofs/3.tlog-proof" in page


def entries(site):
    data = (site / "tile" / "entries" / "000.p" / "6").read_bytes()
    out = []
    while data:
        length = data[0] << 8 | data[1]
        out.append(data[2:2 + length])
        data = data[2 + length:]
    return out


def bundle(items):
    return b"".join(len(e).to_bytes(2, "big") + e for e in items)


def changed_entry(world, site):
    items = entries(site)
    items[2] = items[2].replace(b"suspended by", b"Suspended by")  # one letter, the same length
    (site / "tile" / "entries" / "000.p" / "6").write_bytes(bundle(items))


def removed_entry(world, site):
    (site / "tile" / "entries" / "000.p" / "6").write_bytes(bundle(entries(site)[:3] + entries(site)[4:]))


def reordered_pair(world, site):
    items = entries(site)
    items[1], items[2] = items[2], items[1]
    (site / "tile" / "entries" / "000.p" / "6").write_bytes(bundle(items))


def truncated_tile(world, site):
    tile = site / "tile" / "0" / "000.p" / "6"
    tile.write_bytes(tile.read_bytes()[:100])


def other_key(world, site):
    other = world["folder"] / "other"
    shutil.rmtree(other, ignore_errors=True)
    ecoprod("register", "init", other / "site", "--origin", ORIGIN, "--key-output", other / "key")
    shutil.copy(other / "site" / "checkpoint", site / "checkpoint")  # the same origin, another key


def fork(world, site):
    """A copy of the register at size 5 takes another sixth event, signed with the real key: same size, other root."""
    forked = world["folder"] / "forked"
    shutil.rmtree(forked, ignore_errors=True)
    shutil.copytree(site, forked)
    for path in [forked / "tile" / "0" / "000.p" / "6", forked / "tile" / "entries" / "000.p" / "6", forked / "proofs" / "5.tlog-proof"]:
        path.unlink()
    shutil.copy(world["checkpoints"][4], forked / "checkpoint")
    append(world["folder"], forked, world["certificates"][2], "suspended")
    return forked / "checkpoint"


TAMPERINGS = {
    "a changed entry": (changed_entry, {"E103", "E104"}),
    "a removed entry": (removed_entry, {"E103"}),
    "a reordered pair of entries": (reordered_pair, {"E103", "E104"}),
    "a truncated tile": (truncated_tile, {"E103"}),
    "a checkpoint signed by another key": (other_key, {"E102"}),
    "a checkpoint that forks from an earlier one": (fork, {"E105"}),
}


@pytest.mark.parametrize("name", TAMPERINGS)
def test_each_tampering_is_refused_by_ecoprod_and_by_go(world, tmp_path, name):
    site = tmp_path / "site"
    shutil.copytree(world["site"], site)
    tamper, expected = TAMPERINGS[name]
    previous = tamper(world, site)
    status, codes, go, message = verify_both(world, site, previous)
    assert status == 1 and codes & expected, f"{name}: ecoprod {status} {codes}"
    assert go != 0, f"{name}: Go accepted it"


def test_events_that_do_not_follow_and_forged_certificates_are_refused(world, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(world["site"], site)
    late = append(world["folder"], site, world["certificates"][1], "reinstated", check=False)
    assert late.returncode == 1 and b"E106" in late.stderr
    forged = tmp_path / "forged.json"
    forged.write_bytes(world["certificates"][2].read_bytes().replace(b'"stars": 3', b'"stars": 2'))
    shutil.copy(f"{world['certificates'][2]}.sig", f"{forged}.sig")
    refused = append(world["folder"], site, forged, "issued", check=False)
    assert refused.returncode == 1 and b"G102" in refused.stderr
    assert verify_both(world, site)[0] == 0


def test_appends_killed_at_random_points_leave_a_register_that_verifies(world, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(world["site"], site)
    certificate = world["certificates"][2]
    rng = random.Random(20261206)
    started = time.monotonic()
    append(world["folder"], site, certificate, "suspended")
    duration = time.monotonic() - started
    state, size = "suspended", 7
    for attempt in range(50):
        event = "reinstated" if state == "suspended" else "suspended"
        process = subprocess.Popen([BINARY, "register", "append", site, certificate, "--event", event, "--reason", "test",
                                    "--key", world["folder"] / "keys" / "register.key", "--allowed-signers",
                                    world["folder"] / "signers", "--date", "2026-12-09"], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        status, codes, go, message = verify_both(world, site, world["checkpoints"][-1])
        assert (status, go) == (0, 0), f"attempt {attempt}: {codes} {message}"
        now = int((site / "checkpoint").read_text().split("\n")[1])
        if now == size + 1:
            state, size = event, now
        assert now == size
    assert size > 7, "no append completed: the kills all came too early"
