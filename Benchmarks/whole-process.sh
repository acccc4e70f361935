#!/usr/bin/env bash
# Whole-process latency of the commands editors, hooks and CI run on every change, against
# `ecoprod --version` (the floor: starting the process and parsing the command line), measured
# side by side in one hyperfine run on the shipped data.
#
#   Benchmarks/whole-process.sh            # the default build (Swift runtime linked dynamically)
#   Benchmarks/whole-process.sh --static   # also a build with --static-swift-stdlib
#
# Prints one markdown table per build: mean, σ, and the ratio to `--version` of the same build.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

builds=("dynamic:.build")
if [[ "${1:-}" == "--static" ]]; then builds+=("static:.build-static"); fi

answers=docs/examples/les-jours-verts.answers.json
bundle=Framework/releases/ecoprod-label-1.1.0.json
for entry in "${builds[@]}"; do
    name=${entry%%:*}; scratch=${entry#*:}
    flags=(-c release --product ecoprod --scratch-path "$scratch")
    [[ $name == static ]] && flags+=(--static-swift-stdlib)
    swift build "${flags[@]}" >/dev/null
    binary="$scratch/release/ecoprod"
    json=$(mktemp)
    hyperfine -N --warmup 5 --runs 40 --export-json "$json" \
        -n "--version" "$binary --version" \
        -n "check" "$binary check" \
        -n "verify BUNDLE" "$binary verify $bundle" \
        -n "score ANSWERS --format json" "$binary score $answers --format json" >/dev/null
    python3 - "$json" "$name" "$binary" <<'PY'
import json, os, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
floor = statistics.median(results[0]["times"])
size = os.path.getsize(sys.argv[3]) / 1e6
print(f"\n{sys.argv[2]} build ({size:.0f} MB binary), median of {len(results[0]['times'])} runs each\n")
print("| command | median | mean ± σ | vs `--version` |")
print("|---|---:|---:|---:|")
for r in results:
    median = statistics.median(r["times"])
    print(f"| `ecoprod {r['command']}` | {median*1e3:.1f} ms | {r['mean']*1e3:.1f} ± {r['stddev']*1e3:.1f} ms | {median/floor:.2f}× |")
PY
    rm -f "$json"
done
