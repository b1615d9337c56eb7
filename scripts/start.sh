#!/usr/bin/env bash
# `npm start`: builds Raccord, writes the sample school, inspects and checks it with the CLI,
# then serves the app (http://localhost:4173) where « Essayer avec l'établissement d'exemple »
# loads the same school in one click (`raccord sample` writes the button's school of the day:
# same seed, same school year, same export dates).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
npx raccord sample --out sample-school
npx raccord inspect sample-school
npx raccord check sample-school
if [ "${RACCORD_NO_SERVE:-}" = "1" ]; then exit 0; fi
echo
echo "Application Raccord : http://localhost:4173  (Ctrl+C pour arrêter)"
exec npm run preview -w @raccord/pwa
