#!/usr/bin/env bash
# `pnpm migrate`, `pnpm user:create`: run a command of the built API (api/dist/<name>.js), building first when the
# sources changed, as `pnpm start` does. Arguments after the name are passed on (a leading `--` is dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"
shift
[ "${1:-}" = "--" ] && shift
node scripts/build.mjs --if-stale
exec node --enable-source-maps "api/dist/$name.js" "$@"
