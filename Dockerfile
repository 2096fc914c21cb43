# syntax=docker/dockerfile:1
# ecall-relay: one image for api, worker and simulator (the compose file picks the entry point).
# TypeScript runs through tsx, so there is no build output to keep in sync with the sources.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN npm i -g pnpm@12 && pnpm --version
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
# The dependency patches pnpm applies while installing (patches/README.md).
COPY patches patches
COPY apps/api/package.json apps/api/package.json
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY apps/worker/package.json apps/worker/package.json
COPY packages/codes/package.json packages/codes/package.json
COPY packages/ecall/package.json packages/ecall/package.json
COPY packages/local-redis/package.json packages/local-redis/package.json
COPY packages/messages/package.json packages/messages/package.json
COPY packages/observability/package.json packages/observability/package.json
COPY packages/simulator/package.json packages/simulator/package.json
RUN pnpm install --frozen-lockfile --prod=false

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN npm i -g pnpm@12
COPY --from=deps --chown=node:node /app /app
COPY --chown=node:node . .
# The dashboard's static build, served by the api at /ui.
RUN pnpm build:ui
# Never run as root: the relay needs no privileges.
USER node
EXPOSE 3000 4010
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
