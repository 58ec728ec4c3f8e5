# The console as a container: API + built console on Node 20, against a PostGIS server (see compose.yaml).
# The build stage runs exactly what `pnpm build` runs on a checkout; the runtime stage holds the built output and
# the production dependencies of the API and the packages it uses (`pnpm install --prod --filter 'api...'`), no
# TypeScript, no build tools. api/dist/node_modules holds relative links into node_modules (see scripts/build/api.mjs).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pnpm
# pnpm from the npm registry, the version package.json names (corepack is not relied on).
RUN npm install --global pnpm@10.34.9 && pnpm --version
WORKDIR /app
# Manifests first: the dependency layers are reused until a manifest or the lockfile changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY api/package.json api/
COPY db/package.json db/
COPY domain/package.json domain/
COPY geodata/package.json geodata/
COPY web/package.json web/
COPY tests/package.json tests/

FROM pnpm AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM pnpm AS runtime
RUN pnpm install --prod --frozen-lockfile --filter 'api...' && rm -rf /root/.cache /root/.local/share/pnpm
COPY --from=build /app/api/dist api/dist
COPY --from=build /app/web/dist web/dist
COPY scripts scripts
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data/pglite
# The embedded database (only without DATABASE_URL) lives in a volume; the server itself writes nothing else.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# `pnpm migrate`, `pnpm user:create` and `pnpm export:pmtiles` work in the container too (docker compose exec app
# pnpm user:create -- ...). Several processes on one port: command `pnpm start:cluster` with API_WORKERS.
CMD ["pnpm", "start"]
