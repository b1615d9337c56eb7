#!/usr/bin/env bash
# Raccord's one test command (`npm test`): installs what it needs on a fresh machine
# (Debian's Chromium and Firefox ESR, the npm packages), builds everything, then runs every test:
# type checks, unit tests (vitest), the Firefox add-on lint, the end-to-end tests
# (Playwright driving /usr/bin/chromium with the built extension loaded), then the extension's
# end-to-end tests in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export FIREFOX_PATH="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
debian_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
}

if [ ! -x "$CHROMIUM_PATH" ]; then
  step "Installation de Chromium (paquet Debian)"
  debian_install chromium
fi

if [ ! -x "$FIREFOX_PATH" ]; then
  step "Installation de Firefox ESR (paquet Debian)"
  debian_install firefox-esr
fi

if [ ! -d node_modules ] || [ "${CI:-}" = "true" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "Construction (cœur, application, extension)"
npm run build

step "Vérification des types"
npm run typecheck

mkdir -p reports
step "Tests unitaires (vitest)"
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
unit_rc=$?
set -e

step "Lint de l'extension Firefox (addons-linter)"
set +e
npm run lint:firefox -w @raccord/extension
lint_rc=$?
set -e

step "Tests de bout en bout (Playwright + Chromium)"
set +e
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json
e2e_rc=$?
set -e

step "Tests de bout en bout de l'extension dans Firefox ESR (puppeteer-core, WebDriver BiDi)"
rm -f reports/firefox.json
set +e
node test/e2e-firefox/run.mjs --report reports/firefox.json
firefox_rc=$?
set -e

node scripts/summary.mjs reports/vitest.json reports/e2e.json reports/firefox.json
if [ $unit_rc -ne 0 ] || [ $lint_rc -ne 0 ] || [ $e2e_rc -ne 0 ] || [ $firefox_rc -ne 0 ]; then
  echo "Échec : unitaires=$unit_rc lint=$lint_rc e2e=$e2e_rc firefox=$firefox_rc" >&2
  exit 1
fi
