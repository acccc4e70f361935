#!/usr/bin/env bash
# Whole-process latency of the commands editors, hooks and CI run on every change, against
# `ecoprod --version` of the same binary (the floor: starting the process and parsing the command
# line), measured side by side in one hyperfine run on the shipped data.
#
#   Benchmarks/whole-process.sh                    # builds and measures the release binary
#   Benchmarks/whole-process.sh BINARY [BINARY…]   # measures these binaries, e.g. a build made
#       with `swift build -c release --static-swift-stdlib --scratch-path .build-static`
#
# Prints one markdown table per binary: median, mean ± σ, and the ratio to its own `--version`.
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
json=$(mktemp)
grid=$(mktemp --suffix=.xlsx)
trap 'rm -f "$json" "$grid"' EXIT
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
hyperfine -N --warmup 5 --runs 40 --export-json "$json" "${args[@]}" >/dev/null
python3 - "$json" "${binaries[@]}" <<'PY'
import json, os, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
for index, binary in enumerate(sys.argv[2:]):
    group = results[index * 5:(index + 1) * 5]
    floor = statistics.median(group[0]["times"])
    print(f"\n`{binary}` ({os.path.getsize(binary) / 1e6:.0f} MB), {len(group[0]['times'])} runs each\n")
    print("| command | median | mean ± σ | vs `--version` |")
    print("|---|---:|---:|---:|")
    for r in group:
        command = r["command"].split(" ", 1)[1]
        median = statistics.median(r["times"])
        print(f"| `ecoprod {command}` | {median*1e3:.1f} ms | {r['mean']*1e3:.1f} ± {r['stddev']*1e3:.1f} ms | {median/floor:.2f}× |")
PY
