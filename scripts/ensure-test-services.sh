#!/usr/bin/env bash
# Makes sure what the tests need is on this machine (Debian, root): PostgreSQL 15 + PostGIS 3 running with a
# superuser role for the current user, Chromium for the browser tests, a CJK font so Chinese renders, and GDAL
# (a standard OGC API – Features client).
# Installs from Debian's packages only when something is missing; prints what it does.
set -euo pipefail

need_apt=()
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need_apt+=(postgresql-15 postgresql-15-postgis-3)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v ogrinfo >/dev/null 2>&1 || need_apt+=(gdal-bin)   # a standard OGC API client for the OGC tests
fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto sans cjk' || need_apt+=(fonts-wqy-microhei)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "[services] missing: ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 1
  fi
  echo "[services] installing ${need_apt[*]} from Debian's packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  echo "[services] creating PostgreSQL cluster 15/main ..."
  pg_createcluster 15 main >/dev/null
fi
# pg_stat_statements: the benchmarks read PostGIS's own planning and execution time from it (a server setting,
# so it needs a restart once; later runs find it set).
if [ "$(pg_conftool -s 15 main show shared_preload_libraries 2>/dev/null)" != "pg_stat_statements" ]; then
  echo "[services] enabling pg_stat_statements (shared_preload_libraries) ..."
  pg_conftool 15 main set shared_preload_libraries pg_stat_statements
  pg_conftool 15 main set pg_stat_statements.track all
  if pg_lsclusters -h | grep -q '^15 \+main .* online'; then pg_ctlcluster 15 main restart; fi
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
  echo "[services] starting PostgreSQL 15 ..."
  pg_ctlcluster 15 main start
fi
me=$(id -un)
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"" | grep -q 1; then
  su postgres -c "psql -qc 'CREATE ROLE \"$me\" SUPERUSER LOGIN'"
fi
echo "[services] PostgreSQL $(psql -d postgres -tAc 'SHOW server_version') with PostGIS available; $(chromium --version 2>/dev/null || echo 'no chromium')"
