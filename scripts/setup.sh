#!/usr/bin/env bash
# Prepares a fresh Debian machine for ecall-relay: pnpm, the Debian packages the service and its tests use,
# and the workspace's dependencies. Idempotent: every step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v pnpm >/dev/null 2>&1; then
  log "installing pnpm (npm i -g pnpm)"
  npm i -g pnpm >/dev/null
fi

# Debian packages: redis-server (local Redis for `pnpm start` and the tests), python3-zeep (an independent SOAP
# client the interop tests drive), chromium (headless dashboard tests), wrk (benchmarks).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
/usr/bin/python3 -c 'import zeep' >/dev/null 2>&1 || missing+=(python3-zeep)
if [ "${SETUP_BROWSER:-1}" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ "${SETUP_BENCH:-0}" = 1 ] && ! command -v wrk >/dev/null 2>&1; then missing+=(wrk); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
  fi
fi

log "installing workspace dependencies"
if [ "${CI:-}" = true ]; then
  pnpm install --frozen-lockfile --reporter=silent
else
  pnpm install --reporter=silent
fi
log "building the dashboard (apps/dashboard/dist, served by the api at /ui)"
pnpm build:ui >/dev/null
log "ready"
