#!/usr/bin/env bash
# `pnpm bench`: benchmarks (not tests), on a real PostGIS server. Prints figures side by side within one run.
#   pnpm bench                  tiles at city and province scale against PostGIS and nginx, then a mixed load
#                               (generates each region once into grid_console_bench_<size>; province takes minutes)
#   BENCH_SIZES=city BENCH_SECONDS=3 pnpm bench      a shorter run
#   pnpm bench -- --save-baseline
# Other benchmarks: pnpm --filter geodata bench:generate, pnpm --filter api bench:wastewater, pnpm --filter tests bench:first-render.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-services.sh
# nginx serves the same tile bytes as the floor of any HTTP server (Debian's nginx-light).
if ! [ -x /usr/sbin/nginx ]; then
  echo "[bench] installing nginx-light from Debian's packages ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi
exec ./node_modules/.bin/tsx api/bench/tiles.ts "$@"
