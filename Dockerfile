# kbbot in a container: built in one stage, run from a slim one as the unprivileged `node` user with
# production dependencies only. The signature store and the bot's state live in volumes:
#   /data/store  KBBOT_STORE     signature files (starts with the bundled signatures/; ingest the archive into it)
#   /data/state  KBBOT_DATA_DIR  mutes, feedback, thread memory, owed replies (the file state store; unused with REDIS_URL)
# Health: GET /healthz on PORT (HTTP mode) or METRICS_PORT (set here, so Socket Mode has it too).

# Node 20, as package.json's engines.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
# --ignore-scripts: `prepare` would build before the sources are here; the build runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    KBBOT_STORE=/data/store \
    KBBOT_DATA_DIR=/data/state \
    PORT=3000 \
    METRICS_PORT=9100
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json manifest.yml ./
COPY rules ./rules
COPY signatures ./signatures
# The volumes' mount points, owned by `node`; a new named volume starts as a copy of what the image holds here.
RUN mkdir -p /data/store /data/state && cp -r signatures/. /data/store/ && chown -R node:node /data
USER node
VOLUME ["/data/store", "/data/state"]
EXPOSE 3000 9100
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.METRICS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["start"]
