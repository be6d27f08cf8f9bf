/**
 * A small self-contained query page served at `GET /graphql` to browsers.
 * Apollo's default landing page and GraphiQL's usual builds load scripts
 * from a CDN, and the gateway must work offline, so this page inlines its
 * script and style and talks only to its own origin (enforced by a
 * Content-Security-Policy that allows exactly the inline script's hash).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const DEFAULT_QUERY = `# Ctrl+Enter runs the query. The list on the left shows the root fields.
query RootFields {
  __schema {
    queryType {
      fields { name description }
    }
  }
}
`;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;display:grid;grid-template-columns:260px 1fr 1fr;grid-template-rows:auto 1fr 160px;height:100vh}
header{grid-column:1/4;display:flex;gap:12px;align-items:center;padding:8px 12px;background:#1d3557;color:#fff}
header h1{font-size:16px;margin:0;flex:1}button{font:inherit;padding:4px 14px;cursor:pointer}
#fields{grid-row:2/4;overflow:auto;border-right:1px solid #ccc;padding:8px;margin:0;list-style:none}
#fields li{margin-bottom:8px}#fields b{font-family:monospace}#fields span{display:block;color:#555;font-size:12px}
textarea,pre{font:13px/1.4 ui-monospace,monospace;margin:0;border:0;padding:8px;resize:none;width:100%;height:100%}
#query{grid-column:2;grid-row:2;border-bottom:1px solid #ccc}#variables{grid-column:2;grid-row:3}
#result{grid-column:3;grid-row:2/4;overflow:auto;background:#f6f8fa;border-left:1px solid #ccc;white-space:pre-wrap}
`;

const SCRIPT = `
(function () {
  var endpoint = window.location.pathname;
  var query = document.getElementById('query');
  var variables = document.getElementById('variables');
  var result = document.getElementById('result');
  var status = document.getElementById('status');
  function post(body) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      status.textContent = 'HTTP ' + response.status + ' · request ' + (response.headers.get('x-request-id') || '');
      return response.text();
    });
  }
  function run() {
    var vars;
    try { vars = variables.value.trim() ? JSON.parse(variables.value) : undefined; }
    catch (e) { result.textContent = 'Variables are not valid JSON: ' + e.message; return; }
    result.textContent = '…';
    post({ query: query.value, variables: vars }).then(function (text) {
      try { result.textContent = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { result.textContent = text; }
    }, function (e) { result.textContent = 'Request failed: ' + e.message; });
  }
  function listRootFields() {
    post({ query: '{ __schema { queryType { fields { name description } } mutationType { fields { name description } } } }' }).then(function (text) {
      var schema = JSON.parse(text).data.__schema;
      var list = document.getElementById('fields');
      [['query', schema.queryType], ['mutation', schema.mutationType]].forEach(function (pair) {
        if (!pair[1]) return;
        pair[1].fields.forEach(function (field) {
          var item = document.createElement('li');
          var name = document.createElement('b');
          name.textContent = pair[0] + ' ' + field.name;
          var description = document.createElement('span');
          description.textContent = field.description || '';
          item.appendChild(name); item.appendChild(description); list.appendChild(item);
        });
      });
    }).catch(function () {});
  }
  document.getElementById('run').addEventListener('click', run);
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') { event.preventDefault(); run(); }
  });
  listRootFields();
})();
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's HTML; it references no URL outside its own origin. */
export const EXPLORER_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开 · Disclosure gateway</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>政府信息公开 Disclosure gateway — GraphQL</h1><span id="status"></span><button id="run" type="button">Run ▶</button></header>
<ul id="fields" aria-label="Root fields"></ul>
<textarea id="query" spellcheck="false" aria-label="Query">${escapeHtml(DEFAULT_QUERY)}</textarea>
<textarea id="variables" spellcheck="false" aria-label="Variables (JSON)" placeholder="Variables (JSON)"></textarea>
<pre id="result" aria-live="polite"></pre>
<script>${SCRIPT}</script>
</body>
</html>
`;

const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
const styleHash = createHash('sha256').update(STYLE).digest('base64');

/** The Content-Security-Policy sent with the page: its own inline script and style, requests to its own origin, nothing else. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  `style-src 'sha256-${styleHash}'`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Express middleware for `GET /graphql`: a browser asking for HTML with no
 * `query` parameter gets the page; every other request goes on to Apollo.
 */
export function serveExplorerPage(req: Request, res: Response, next: NextFunction): void {
  const wantsPage = req.method === 'GET'
    && req.query.query === undefined
    && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
  if (!wantsPage) {
    next();
    return;
  }
  res.setHeader('content-security-policy', EXPLORER_CSP);
  res.type('html').send(EXPLORER_HTML);
}
