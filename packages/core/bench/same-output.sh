#!/usr/bin/env bash
# Same results before and after a performance change: builds the CLI of REV (default: main) in a
# temporary folder, runs it and the working tree's CLI on the same sample school, and compares
# the sha256 of `raccord check --json --liens` and `raccord inspect --json`. Exit 1 when they differ.
#   bash packages/core/bench/same-output.sh [REV] [PUPILS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rev="${1:-main}"
pupils="${2:-2500}"
today=2025-09-15
tmp="$(mktemp -d /tmp/raccord-same-output.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

git archive "$rev" packages/core tsconfig.base.json | tar -x -C "$tmp"
ln -s "$PWD/node_modules" "$tmp/node_modules"
(cd "$tmp/packages/core" && node build.mjs)
(cd packages/core && node build.mjs)

node packages/core/dist/raccord.mjs sample --out "$tmp/school" --eleves "$pupils" --today "$today" >/dev/null
status=0
for cmd in "check --json --liens --today $today" "check --today $today" "inspect --json"; do
  # Paths in the output are the ones given: both CLIs read the same folder, from the same place.
  before="$(cd "$tmp" && node packages/core/dist/raccord.mjs $cmd school | sha256sum | cut -d' ' -f1)" || true
  after="$(cd "$tmp" && node "$OLDPWD/packages/core/dist/raccord.mjs" $cmd school | sha256sum | cut -d' ' -f1)" || true
  if [ "$before" = "$after" ]; then
    echo "identique   raccord $cmd ($pupils élèves) : $after"
  else
    echo "DIFFÉRENT   raccord $cmd ($pupils élèves) : $rev $before, arbre de travail $after"
    status=1
  fi
done
exit $status
