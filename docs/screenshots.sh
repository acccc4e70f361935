#!/usr/bin/env bash
# Regenerates the README's screenshots from the shipped release with headless Chromium
# (Debian: apt-get install chromium). Run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -q
ecoprod=$(swift build --show-bin-path)/ecoprod
"$ecoprod" render Framework/releases/ecoprod-label-1.1.0.json --output "$work/framework.html"
"$ecoprod" score docs/examples/les-jours-verts.answers.json --format html --locale en --output "$work/score.html"
shoot() {
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$work/profile" \
        --window-size="$2" --screenshot="$3" "file://$work/$1" 2>/dev/null
}
shoot framework.html 1280,1500 docs/framework-page.png
shoot score.html 1280,1500 docs/score-report.png
# The grid, as LibreOffice Calc prints it (Debian: libreoffice-calc-nogui, poppler-utils): the
# grid pre-filled with the example answers, converted to PDF headless, its grid page to PNG.
"$ecoprod" render Framework/releases/ecoprod-label-1.1.0.json --format xlsx --answers docs/examples/les-jours-verts.answers.json --output "$work/grid.xlsx"
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work" "$work/grid.xlsx" >/dev/null 2>&1
# Page 1 is the Production sheet, page 2 the grid's first page: its top left, readable.
pdftoppm -png -r 110 -f 2 -l 2 -x 0 -y 0 -W 1280 -H 700 -singlefile "$work/grid.pdf" docs/grid
