/**
 * GraphiQL for browsers at `GET /graphql`, served entirely from installed
 * packages: graphiql 3's browser bundle and React 18's UMD builds, under
 * `/graphiql/`. The gateway must work offline, so nothing comes from a CDN,
 * and the page's Content-Security-Policy lets it load scripts and styles
 * from its own origin only and talk to nothing else.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

const require = createRequire(import.meta.url);
const packageFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/** Asset name under `/graphiql/` → the installed file it is. */
export const GRAPHIQL_ASSETS: Readonly<Record<string, string>> = {
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
};

/** What the editor opens with: the newest catalog items, across every store. */
const DEFAULT_QUERY = `# 政府信息公开 · the disclosure catalog across every department store.
# Ctrl+Enter runs the query; the Docs panel describes every type and field.
query LatestDisclosures {
  disclosures(first: 10) {
    totalCount
    edges {
      node {
        __typename
        title
        category
        publishedAt
        organization { name parent { name } }
      }
    }
  }
}
`;

// Kept in a file of its own rather than inline, so the policy needs no 'unsafe-inline' for scripts.
const START_SCRIPT = `(function () {
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultEditorToolsVisibility: true
  }));
})();
`;

/** The page's HTML: every URL in it is a path on the gateway itself. */
export const GRAPHIQL_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开 · Disclosure gateway · GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.min.css">
</head>
<body style="margin:0">
<div id="graphiql" style="height:100vh"></div>
<script src="${GRAPHIQL_ASSETS_PATH}/react.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/react-dom.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/graphiql.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/start.js"></script>
</body>
</html>
`;

/**
 * Scripts, styles, fonts and images from the gateway's own origin; requests
 * only to it. GraphiQL's editor sets style attributes, hence 'unsafe-inline'
 * for styles (never for scripts).
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves GraphiQL's files under `/graphiql/`, cacheable for a day (they change only with the installed packages). */
export function graphiqlAssets(): Router {
  const router = express.Router();
  router.get(`${GRAPHIQL_ASSETS_PATH}/start.js`, (_req, res) => {
    res.type('application/javascript').setHeader('cache-control', 'public, max-age=86400');
    res.send(START_SCRIPT);
  });
  for (const [name, file] of Object.entries(GRAPHIQL_ASSETS)) {
    router.get(`${GRAPHIQL_ASSETS_PATH}/${name}`, (_req, res, next) => {
      res.sendFile(file, { maxAge: '1d' }, (error) => error && next(error));
    });
  }
  return router;
}

/**
 * Express middleware for `GET /graphql`: a browser asking for HTML with no
 * `query` parameter gets GraphiQL; every other request goes on to Apollo.
 */
export function serveGraphiql(req: Request, res: Response, next: NextFunction): void {
  const wantsPage = req.method === 'GET'
    && req.query.query === undefined
    && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
  if (!wantsPage) {
    next();
    return;
  }
  res.setHeader('content-security-policy', GRAPHIQL_CSP);
  res.type('html').send(GRAPHIQL_HTML);
}
