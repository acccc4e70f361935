#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the strict YAML reader.
#   Fuzz/run.sh [SECONDS]    (default 600)
# New corpus entries land in Fuzz/corpus/yaml; crashers are written as Fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
mkdir -p .build corpus/yaml
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    -module-name StrictYAML -emit-module -emit-module-path .build/StrictYAML.swiftmodule \
    -emit-library -static -o .build/libStrictYAML.a \
    -I ../Sources/CLibYAML ../Sources/StrictYAML/*.swift
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    -I .build -I ../Sources/CLibYAML -L .build -lStrictYAML -lyaml \
    YAMLReaderFuzzer.swift -o .build/yaml-fuzzer
# Seed with the shipped framework on the first run.
if [ -z "$(ls -A corpus/yaml)" ]; then cp ../Framework/framework.yaml ../Framework/departments/*.yaml corpus/yaml/; fi
./.build/yaml-fuzzer corpus/yaml -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix=./crash- -print_final_stats=1
