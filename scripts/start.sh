#!/usr/bin/env bash
# `pnpm start`: the production server from the built output (api/dist, web/dist), rebuilt first when the sources
# changed since the last build (a development checkout; an image holding only the build skips that).
# `pnpm start:cluster` (this script with `cluster`): several server processes on one port (api/dist/cluster.js).
# With no DATABASE_URL the embedded PostGIS in .data/pglite is used, migrated and seeded with the demo on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
entry=server
[ "${1:-}" = "cluster" ] && entry=cluster
node scripts/build.mjs --if-stale
exec node --enable-source-maps "api/dist/$entry.js"
