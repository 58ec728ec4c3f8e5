#!/usr/bin/env bash
# `pnpm bench`: benchmarks (not tests), on a real PostGIS server. Prints figures and compares with bench/baseline-*.
#   pnpm bench                  tiles at province scale (generates the region once, minutes)
#   pnpm bench -- --save-baseline
# Other benchmarks: pnpm --filter geodata bench:generate, pnpm --filter api bench:wastewater, pnpm --filter tests bench:first-render.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-services.sh
exec ./node_modules/.bin/tsx api/bench/tiles.ts "$@"
