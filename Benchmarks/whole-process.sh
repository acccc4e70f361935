#!/usr/bin/env bash
# Whole-process latency of the commands editors, hooks and CI run on every change, against
# `ecoprod --version` of the same binary (the floor: starting the process and parsing the command
# line), measured side by side in one hyperfine run on the shipped data.
#
#   Benchmarks/whole-process.sh                    # builds and measures the release binary
#   Benchmarks/whole-process.sh BINARY [BINARY…]   # measures these binaries, e.g. a build made
#       with `swift build -c release --static-swift-stdlib --scratch-path .build-static`
#
# Prints one markdown table per binary: median, p10–p90, and the ratio to its own `--version`,
# from runs pooled over interleaved rounds (ROUNDS=8 rounds of RUNS=6 runs by default).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
    swift build -c release --product ecoprod >/dev/null
    binaries=(.build/release/ecoprod)
fi
answers=docs/examples/les-jours-verts.answers.json
bundle=Framework/releases/ecoprod-label-1.1.0.json
grid=$(mktemp --suffix=.xlsx)
trap 'rm -f "$grid"' EXIT
# The shipped grid, filled with the example answers: what `import` reads back.
"${binaries[0]}" render "$bundle" --format xlsx --answers "$answers" --output "$grid" --force 2>/dev/null
args=()
for binary in "${binaries[@]}"; do
    args+=(-n "$binary --version" "$binary --version"
           -n "$binary check" "$binary check"
           -n "$binary verify BUNDLE" "$binary verify $bundle"
           -n "$binary score ANSWERS --format json" "$binary score $answers --format json"
           -n "$binary import GRID" "$binary import $grid")
done
# This host's speed drifts over seconds (a shared 2-core VM), and hyperfine runs one command's
# runs back to back: a slow phase would land on one command alone. So the commands are measured
# in ROUNDS short rounds (RUNS runs each, after a warm-up), and every round's times are pooled.
rounds=${ROUNDS:-8}
runs=${RUNS:-6}
exports=()
for round in $(seq "$rounds"); do
    out=$(mktemp)
    exports+=("$out")
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$out" "${args[@]}" >/dev/null
done
trap 'rm -f "$grid" "${exports[@]}"' EXIT
python3 - "${#binaries[@]}" "${binaries[@]}" -- "${exports[@]}" <<'PY'
import json, os, statistics, sys
count = int(sys.argv[1])
binaries = sys.argv[2:2 + count]
files = sys.argv[3 + count:]
pooled = {}
for path in files:
    for result in json.load(open(path))["results"]:
        pooled.setdefault(result["command"], []).extend(result["times"])
commands = list(pooled)
for index, binary in enumerate(binaries):
    group = commands[index * 5:(index + 1) * 5]
    floor = statistics.median(pooled[group[0]])
    runs = len(pooled[group[0]])
    print(f"\n`{binary}` ({os.path.getsize(binary) / 1e6:.0f} MB), {runs} runs each in {len(files)} interleaved rounds\n")
    print("| command | median | p10–p90 | vs `--version` |")
    print("|---|---:|---:|---:|")
    for command in group:
        times = sorted(pooled[command])
        median = statistics.median(times)
        low, high = times[len(times) // 10], times[(len(times) * 9) // 10]
        print(f"| `ecoprod {command.split(' ', 1)[1]}` | {median*1e3:.1f} ms | {low*1e3:.1f}–{high*1e3:.1f} ms | {median/floor:.2f}× |")
PY
