# Production-like images for docker-compose.yml. One build stage; two targets:
#   api — the GraphQL API (also serves uploads under /media)
#   web — nginx with the built web app, proxying /graphql, /uploads, /media to the API
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npx --yes pnpm@10.34.9 install --frozen-lockfile \
 && npx --yes pnpm@10.34.9 -r --workspace-concurrency=1 run build

FROM node:20-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=build /app /app
EXPOSE 4000
USER node
CMD ["node", "api/dist/main.js"]

FROM nginx:1.27-alpine AS web
COPY --from=build /app/web/dist /usr/share/nginx/html
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
