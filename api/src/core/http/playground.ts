import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
const dirOf = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

/** Files the playground page loads, all served from node_modules (no CDN). */
const ASSETS: Record<string, string> = {
  'react.js': join(dirOf('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': join(dirOf('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(dirOf('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(dirOf('graphiql'), 'graphiql.min.css'),
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pasar GraphQL playground</title>
<link rel="stylesheet" href="/playground/assets/graphiql.css">
<style>html,body,#app{height:100%;margin:0}</style>
</head>
<body>
<div id="app"></div>
<script src="/playground/assets/react.js"></script>
<script src="/playground/assets/react-dom.js"></script>
<script src="/playground/assets/graphiql.js"></script>
<script src="/playground/assets/playground.js"></script>
</body>
</html>`;

/*
 * An admin pastes an access token (from the `login` mutation) into the Headers tab.
 * Introspection and every admin field are checked by the API, so the page holds nothing
 * secret and needs no session of its own.
 */
const SCRIPT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: location.origin + '/graphql',
    subscriptionUrl: location.origin.replace(/^http/, 'ws') + '/graphql',
    headers: { 'apollo-require-preflight': 'true' } });
  ReactDOM.createRoot(document.getElementById('app')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: '{\\n  "Authorization": "Bearer <admin access token>"\\n}',
    defaultQuery: '# Pasar GraphQL API (admins). Run the login mutation below, then paste its\\n# accessToken into the Headers tab.\\nmutation { login(input: { email: "admin@pasar.test", password: "" }) { accessToken } }\\n'
  }));
})();`;

/** GET /playground: GraphiQL bundled from node_modules, for admins (PRODUCT §9). */
export function playgroundRouter(): Router {
  const router = express.Router();
  router.get('/playground', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(PAGE);
  });
  router.get('/playground/assets/playground.js', (_req, res) => {
    res.type('application/javascript').send(SCRIPT);
  });
  router.get('/playground/assets/:file', (req, res) => {
    const path = ASSETS[req.params.file];
    if (!path) return void res.status(404).end();
    res.sendFile(path, { maxAge: '7d', dotfiles: 'allow' }); // pnpm's store path has a .pnpm segment
  });
  return router;
}
