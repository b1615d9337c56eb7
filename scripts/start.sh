#!/usr/bin/env bash
# `npm start`: builds Raccord, writes the sample school, inspects and checks it with the CLI,
# then serves the app (http://localhost:4173) where « Essayer avec l'établissement d'exemple »
# loads the same school in one click (`raccord sample` writes the button's school of the day:
# same seed, same school year, same export dates).
# Quiet on purpose: the build and the CLI's full reports go to start.log; the terminal gets a
# few lines and, last, the app's address (the one line that matters).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG="$PWD/start.log"
: >"$LOG"

# Runs a step with its output in the log; on failure, shows the end of the log and stops.
step() {
  local label="$1"
  shift
  printf '%s… ' "$label"
  if "$@" >>"$LOG" 2>&1; then
    echo 'fait'
  else
    echo 'échec'
    echo "--- fin de $LOG ---"
    tail -n 30 "$LOG"
    exit 1
  fi
}

[ -d node_modules ] || step 'Installation des paquets (npm ci)' npm ci --no-audit --no-fund
step 'Construction (core, application, extension)' npm run build
step "Écriture de l'établissement d'exemple dans sample-school/" npx raccord sample --out sample-school
step 'Inspection (raccord inspect)' npx raccord inspect sample-school
CHECK="$(mktemp)"
step 'Contrôle (raccord check)' bash -c 'set -o pipefail; npx raccord check sample-school | tee "$0"' "$CHECK"
# The summary: the school, the PRONOTE IDs line, and each severity's heading (the lines that do not start with a space).
grep -E '^(Établissement|Identifiants PRONOTE|Erreurs|À vérifier|Pour information)' "$CHECK" | sed 's/^/  /' || true
rm -f "$CHECK"
echo "  Rapports complets (construction, inspect, check) : $LOG"

if [ "${RACCORD_NO_SERVE:-}" = "1" ]; then exit 0; fi
echo
echo "  Application Raccord : http://localhost:4173"
echo "  (« Essayer avec l'établissement d'exemple » charge la même école ; Ctrl+C pour arrêter)"
echo
exec npm run preview -w @raccord/pwa --silent -- --logLevel warn
