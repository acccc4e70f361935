#!/usr/bin/env bash
# The layering drawn in ARCHITECTURE.md, enforced on `import` lines and on Package.swift.
# Each module names the only modules of ours it may import; anything else of ours fails, and so
# does an import of ours that Package.swift does not declare for the target. Two more rules:
# the renderers' module touches no file system, and nothing named LanguageServerProtocol exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
ours="CLibYAML|StrictYAML|EcoprodFramework|EcoprodReports|EcoprodGrid|EcoprodWriters|EcoprodCompiler|EcoprodApplication|EcoprodLSP|EcoprodLanguageServer|ecoprod"
declare -A allowed=(
    [CLibYAML]=""
    [StrictYAML]="CLibYAML"
    [EcoprodFramework]=""
    [EcoprodLSP]=""
    [EcoprodReports]="EcoprodFramework"
    [EcoprodGrid]="EcoprodReports EcoprodFramework"
    [EcoprodWriters]="EcoprodReports EcoprodFramework"
    [EcoprodCompiler]="StrictYAML EcoprodReports EcoprodFramework"
    [EcoprodApplication]="EcoprodCompiler EcoprodGrid EcoprodWriters EcoprodReports EcoprodFramework StrictYAML"
    [EcoprodLanguageServer]="EcoprodCompiler StrictYAML EcoprodFramework EcoprodLSP"
    [ecoprod]="EcoprodApplication EcoprodLanguageServer EcoprodCompiler EcoprodGrid EcoprodWriters EcoprodReports EcoprodFramework"
)
status=0
fail() {
    echo "layering: $*" >&2
    status=1
}
# The targets Package.swift declares for a module, as one line of names.
declared() {
    python3 - "$1" <<'PY'
import re, sys
text = open("Package.swift").read()
name = sys.argv[1]
match = re.search(r'\.(?:target|executableTarget)\(\s*name:\s*"' + name + r'"(.*?)\)\s*,\s*(?://|\.|\])', text, re.S)
body = match.group(1) if match else ""
print(" ".join(re.findall(r'"([A-Za-z]+)"', body.split("path:")[0])))
PY
}
for module in "${!allowed[@]}"; do
    [ -d "Sources/$module" ] || { [ "$module" = CLibYAML ] || fail "Sources/$module is drawn but does not exist"; continue; }
    deps=$(declared "$module")
    while IFS= read -r hit; do
        imported=$(sed -E 's/.*import ([A-Za-z]+).*/\1/' <<<"$hit")
        grep -qw -- "$imported" <<<"${allowed[$module]}" || fail "$hit (Sources/$module may import only: ${allowed[$module]:-none of ours})"
        grep -qw -- "$imported" <<<"$deps" || fail "$hit (Package.swift does not declare $imported for $module)"
    # Any attributes before `import` (@testable, @_implementationOnly, @_spi(Name)) count too.
    done < <(grep -rnE "^(@[A-Za-z_]+(\([A-Za-z_]+\))? )*import ($ours)\$" "Sources/$module" || true)
done
for module in Sources/*/; do
    module=$(basename "$module")
    [ -n "${allowed[$module]+set}" ] || fail "Sources/$module is not drawn in ARCHITECTURE.md's layers"
done
# Renderers turn values into bytes: no file system, no processes, no zip.
if grep -rnE "FileManager|FileHandle|fopen|open\(|unlink|rename\(|Process\(|ZIPFoundation|import Glibc|import Darwin" Sources/EcoprodReports; then
    fail "EcoprodReports touches the file system (above)"
fi
# sourcekit-lsp's module name is not ours to take.
if grep -nE '"LanguageServerProtocol"' Package.swift || [ -d Sources/LanguageServerProtocol ]; then
    fail "a target is named LanguageServerProtocol"
fi
[ $status -eq 0 ] && echo "layering: every import points down"
exit $status
