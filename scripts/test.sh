#!/usr/bin/env bash
# `pnpm test`: every test. Unit tests, API and SQL on a real PostGIS server, the embedded database, and the
# console in headless Chromium. Installs and starts PostGIS and Chromium first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-services.sh
export TEST_ADMIN_DATABASE_URL="${TEST_ADMIN_DATABASE_URL:-postgres://$(id -un)@localhost/postgres?host=/var/run/postgresql}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://$(id -un)@localhost/grid_console_test?host=/var/run/postgresql}"
exec ./node_modules/.bin/vitest run "$@"
