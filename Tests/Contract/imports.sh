#!/usr/bin/env bash
# The layering drawn in the README's Architecture section, enforced on `import` lines:
#   ecoprod (CLI) -> EcoprodCompiler -> EcoprodReports -> EcoprodFramework;  StrictYAML -> CLibYAML.
# Each module names the only modules of ours it may import; anything else of ours fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
ours="CLibYAML|StrictYAML|EcoprodFramework|EcoprodReports|EcoprodCompiler|LanguageServerProtocol|ecoprod"
declare -A allowed=(
    [CLibYAML]=""
    [StrictYAML]="CLibYAML"
    [EcoprodFramework]=""
    [EcoprodReports]="EcoprodFramework"
    [LanguageServerProtocol]=""
    [EcoprodCompiler]="StrictYAML EcoprodReports EcoprodFramework LanguageServerProtocol"
    [ecoprod]="EcoprodCompiler EcoprodReports EcoprodFramework StrictYAML"
)
status=0
for module in "${!allowed[@]}"; do
    [ -d "Sources/$module" ] || continue
    while IFS= read -r hit; do
        imported=$(sed -E 's/.*import ([A-Za-z]+).*/\1/' <<<"$hit")
        if ! grep -qw -- "$imported" <<<"${allowed[$module]}"; then
            echo "layering: $hit (Sources/$module may import only: ${allowed[$module]:-none of ours})" >&2
            status=1
        fi
    # Any attributes before `import` (@testable, @_implementationOnly, @_spi(Name)) count too.
    done < <(grep -rnE "^(@[A-Za-z_]+(\([A-Za-z_]+\))? )*import ($ours)\$" "Sources/$module" || true)
done
[ $status -eq 0 ] && echo "layering: every import points down"
exit $status
