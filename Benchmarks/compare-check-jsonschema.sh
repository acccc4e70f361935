#!/usr/bin/env bash
# Times `ecoprod check` on the real Framework/ against the route a user would otherwise take:
# check-jsonschema with Schemas/framework.schema.json over the same files. Whole processes,
# repeated runs (hyperfine). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v check-jsonschema >/dev/null || python3 -m pip install --quiet check-jsonschema
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -x .build/release/ecoprod ] || swift build -c release --product ecoprod
files=(Framework/framework.yaml Framework/departments/*.yaml)
hyperfine --warmup 3 --min-runs 20 --export-markdown build/check-vs-check-jsonschema.md \
    -n "ecoprod check" ".build/release/ecoprod check Framework" \
    -n "check-jsonschema" "check-jsonschema --schemafile Schemas/framework.schema.json ${files[*]}"
cat build/check-vs-check-jsonschema.md
