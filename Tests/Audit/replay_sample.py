#!/usr/bin/env python3
"""Replays an audit plan's sample from docs/audit.md alone: python3 replay_sample.py BUNDLE ANSWERS STATEMENT BEACON."""
import hashlib, json, sys

def sha(text): return hashlib.sha256(text.encode()).hexdigest()

def replay(bundle, answers, statement_bytes, beacon):
    policy, kind = bundle["audit"], answers["production"]["type"]
    claims = [c for c in bundle["criteria"] if kind in c["applies_to"]
              and answers["answers"].get(c["id"], {}).get("status") in ("met", "not-applicable")]
    seed = sha(f"ecoprod-audit-seed:{hashlib.sha256(statement_bytes).hexdigest()}:{beacon}")
    ticket = {c["id"]: sha(f"{seed}:{c['id']}") for c in claims}
    every = policy["mandatory"] == "all"
    sample = [(c["id"], "mandatory") for c in claims if every and c["mandatory"]]
    pool = sorted((c for c in claims if not (every and c["mandatory"])), key=lambda c: (ticket[c["id"]], c["id"]))
    for department in bundle["departments"]:
        sample += [(c["id"], "department") for c in pool if c["department"] == department["id"]][:policy["per_department"]]
    n = len(pool)
    size = next(k for k in range(n + 1) if k * k >= n) if policy["size"] == "ceil-sqrt" else policy["size"]
    count, chosen = min(n, max(policy["minimum"], size)), {i for i, _ in sample}
    drawn = sum(1 for c in pool if c["id"] in chosen)
    for c in pool:
        if drawn >= count: break
        if c["id"] not in chosen: sample.append((c["id"], "draw")); drawn += 1
    return seed, ticket, sample

if __name__ == "__main__":
    bundle, answers = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
    seed, tickets, sample = replay(bundle, answers, open(sys.argv[3], "rb").read(), sys.argv[4])
    print(json.dumps({"seed": seed, "tickets": tickets, "sample": [{"criterion": i, "reason": r} for i, r in sample]}))
