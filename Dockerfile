# The game server with the built client (used twice by docker-compose.yml). Node 20, as everywhere in this project.
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 falls back to a native build when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
# `npm install` follows package-lock.json (`npm ci` refuses it: a Windows-only optional dependency of vite is not in it).
RUN npm install --no-audit --no-fund
COPY shared shared
COPY server server
COPY client client
RUN npm run build -w client
ENV PORT=2567 NODE_ENV=production
EXPOSE 2567
# One pid (no npm wrapper) so that SIGTERM reaches the server: it gives its matches up for another process at once.
CMD ["node", "--import", "tsx", "server/src/index.ts"]
