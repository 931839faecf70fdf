#!/usr/bin/env bash
# Takes the README's picture again: the map of `bin/estate plan` (the Kent Family Hub Network),
# as headless Chromium shows it at 1,400 x 900 pixels with every layer on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/bin/estate" plan --quiet --no-explain --out "$out/plan"
chromium=$(command -v chromium || command -v chromium-browser)
"$chromium" --headless --no-sandbox --hide-scrollbars --window-size=1400,900 \
  --screenshot="$root/docs/kent-map.png" "file://$out/plan/estate.html" 2>/dev/null
echo "written: docs/kent-map.png"
