#!/usr/bin/env bash
# Builds and runs a libFuzzer target.
#   Fuzz/run.sh [TARGET] [SECONDS]     TARGET: yaml (default), answers, signatures, lsp, framing, grid or
#                                      documents (the audit's and the register's readers);
#                                      SECONDS default 600
# New corpus entries land in Fuzz/corpus/TARGET (ignored by git); crashers are written as
# Fuzz/crash-*. Copy small, interesting inputs to Fuzz/regressions/TARGET: `swift test` replays them.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-yaml}"
seconds="${2:-600}"
case "$target" in
    yaml) product=YAMLReaderFuzzer; max_len=4096 ;;
    answers) product=AnswersFuzzer; max_len=8192 ;;
    signatures) product=SignatureFuzzer; max_len=4096 ;;
    lsp) product=LanguageServerFuzzer; max_len=4096 ;;
    framing) product=FramingFuzzer; max_len=16384 ;;
    grid) product=GridFuzzer; max_len=65536 ;;
    documents) product=DocumentsFuzzer; max_len=8192 ;;
    *) echo "unknown target $target (yaml, answers, signatures, lsp, framing, grid or documents)" >&2; exit 64 ;;
esac
swift build -c release --scratch-path .build-fuzz --product "$product" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
binary="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/$product"
mkdir -p "corpus/$target"
# Seed the corpus with the regression inputs and, for YAML, the shipped framework.
cp -n regressions/"$target"/* "corpus/$target/" 2>/dev/null || true
if [ "$target" = yaml ]; then cp -n ../Framework/framework.yaml ../Framework/departments/*.yaml "corpus/$target/"; fi
if [ "$target" = signatures ]; then
    for file in ../Framework/releases/*.sig; do { printf '\0'; cat "$file"; } > "corpus/$target/seed-$(basename "$file")"; done
    { printf '\1'; cat ../Framework/allowed_signers; } > "corpus/$target/seed-allowed_signers"
fi
if [ "$target" = framing ]; then
    printf 'Content-Length: 2\r\n\r\n{}' > "corpus/$target/seed-frame"
    printf 'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}' > "corpus/$target/seed-two-lengths"
fi
if [ "$target" = answers ]; then cp -n ../Tests/Conformance/*/*.answers.json "corpus/$target/" 2>/dev/null || true; fi
"$binary" "corpus/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix=./crash- -print_final_stats=1
