#!/usr/bin/env bash
# The pre-commit hook as a criteria repository uses it: `pre-commit try-repo` runs
# `ecoprod-check-installed` (the binary CI already built, put on PATH: nothing is built twice) on
# a copy of Framework/ with a planted defect (it must fail, naming the code), then on the fixed
# copy (it must pass). The `ecoprod-check` hook runs the same entry after pre-commit's own build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
PATH="$(cd "$repo" && swift build --show-bin-path):$PATH"
export PATH
command -v ecoprod > /dev/null || { echo "build ecoprod first (swift build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/Framework" "$work/Framework"
cd "$work"
git init -q && git config user.email ci@example && git config user.name ci
sed -i 's/mandatory: true/mandatory: yes/' Framework/departments/A-production.yaml
git add -A && git commit -qm "a planted defect"
if pre-commit try-repo "$repo" ecoprod-check-installed --all-files > out.txt 2>&1; then
    cat out.txt; echo "pre-commit passed on a planted defect" >&2; exit 1
fi
grep -q "P402" out.txt || { cat out.txt; echo "the hook failed without naming P402" >&2; exit 1; }
git checkout -q HEAD~0 -- . && sed -i 's/mandatory: yes/mandatory: true/' Framework/departments/A-production.yaml
git add -A && git commit -qm "fixed"
pre-commit try-repo "$repo" ecoprod-check-installed --all-files || { echo "pre-commit failed on the fixed framework" >&2; exit 1; }
echo "pre-commit hook: fails on the planted defect (P402), passes on the fix"
