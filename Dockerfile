# Lumen runs its TypeScript directly on Node 24 (type stripping): the server has no build step, so
# the image is the installed dependencies plus the source, plus the admin panel's Vite build.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/contracts/package.json packages/contracts/
COPY packages/locales/package.json packages/locales/
COPY packages/testkit/package.json packages/testkit/
COPY apps/admin/package.json apps/admin/
COPY apps/mini-app/package.json apps/mini-app/
COPY packages/ui/package.json packages/ui/
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The web apps (admin panel, Mini App) are built here (the install above ran before the sources were copied).
RUN node scripts/build-web.mjs
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/server/bin/lumen.mjs", "start"]
