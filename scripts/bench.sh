#!/usr/bin/env bash
# `npm run bench`: every performance figure, as tables. Builds first; needs Debian's Chromium
# for the app and extension measurements (installed by `npm test`, or `apt-get install chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build >/dev/null
echo "# Cœur (Node) : lecture des exports, raccord check"
node packages/core/dist/bench.mjs
echo; echo "# Qualité (ticket 11) : affectations sûres et constats, 4 établissements générés, liste des professeurs avec et sans « Profil »"
node packages/core/dist/bench-quality.mjs
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo; echo "# Application (Chromium headless, build de production)"
  node pwa/bench/app-bench.mjs
  echo; echo "# Extension (Chromium headless, extension chargée)"
  npm run bench -w @raccord/extension --silent
else
  echo "Chromium absent : mesures de l'application et de l'extension sautées (apt-get install chromium)."
fi
