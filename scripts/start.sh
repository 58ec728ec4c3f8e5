#!/usr/bin/env bash
# `pnpm start`: build the console (web/dist) when its sources changed, then serve API + console.
# With no DATABASE_URL the embedded PostGIS in .data/pglite is used, migrated and seeded on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/build web/public web/index.html web/vite.config.ts domain/src -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
  echo "[start] building the console (web/dist) ..."
  (cd web && ./node_modules/.bin/vite build --logLevel warn)
fi
exec ./node_modules/.bin/tsx api/src/main.ts
