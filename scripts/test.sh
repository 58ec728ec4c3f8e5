#!/usr/bin/env bash
# `pnpm test`: every test. Type-checks every package first (SKIP_TYPECHECK=1 skips it, for quick filtered runs),
# then unit tests, API and SQL on a real PostGIS server, the embedded database, and the built console in headless
# Chromium. Installs and starts PostGIS and Chromium first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-services.sh
if [ "${SKIP_TYPECHECK:-0}" != 1 ]; then
  echo "[test] type-checking every package (pnpm typecheck) ..."
  for p in domain db api geodata web tests; do ./node_modules/.bin/tsc -p "$p"; done
fi
export TEST_ADMIN_DATABASE_URL="${TEST_ADMIN_DATABASE_URL:-postgres://$(id -un)@localhost/postgres?host=/var/run/postgresql}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://$(id -un)@localhost/grid_console_test?host=/var/run/postgresql}"
exec ./node_modules/.bin/vitest run "$@"
