# One image for every service of the platform; docker-compose.yml picks the process to run.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY services/organisations/package.json services/organisations/
COPY services/assignments/package.json services/assignments/
COPY services/inspections/package.json services/inspections/
COPY gateway/package.json gateway/
# The gateway serves the report download with the CLI's report code (docx, exceljs, pureimage).
COPY cli/package.json cli/
COPY test/package.json test/
# npm ci applies them (postinstall: patch-package; docs/decisions/0039-apollo-gateway-patch.md).
COPY patches patches/
RUN npm ci
COPY . .
RUN TURBO_TELEMETRY_DISABLED=1 npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Heap limits (docs/decisions/0020-heap-limits.md): every process under 300 MB at national scale in
# the benchmark, for about a tenth of the gateway's throughput at province.
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=32"
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
# Overridden per service in docker-compose.yml.
CMD ["node", "gateway/dist/index.js"]
