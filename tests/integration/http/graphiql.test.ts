/**
 * GraphiQL at GET /graphql for browsers: served from the installed graphiql
 * and React packages (the machine may be offline), locked to its own origin
 * by its Content-Security-Policy, and never in the way of JSON clients.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const require = createRequire(import.meta.url);

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway?.stop();
});

async function page(): Promise<{ html: string; csp: string }> {
  const response = await gateway.fetch('/graphql', { headers: { accept: BROWSER_ACCEPT } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  return { csp: response.headers.get('content-security-policy') ?? '', html: await response.text() };
}

describe('GET /graphql from a browser', () => {
  it('serves GraphiQL whose every script and style is a path on the gateway', async () => {
    const { html } = await page();
    expect(html).not.toMatch(/https?:\/\//);
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual([
      '/graphiql/graphiql.min.css',
      '/graphiql/react.production.min.js',
      '/graphiql/react-dom.production.min.js',
      '/graphiql/graphiql.min.js',
      '/graphiql/start.js',
    ]);
    expect(html).not.toMatch(/<script>/);
  });

  it('serves each of those files from the installed packages', async () => {
    const installed: Record<string, string> = {
      '/graphiql/graphiql.min.js': path.join(path.dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
      '/graphiql/graphiql.min.css': path.join(path.dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
      '/graphiql/react.production.min.js': path.join(path.dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
      '/graphiql/react-dom.production.min.js': path.join(path.dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
    };
    for (const [url, file] of Object.entries(installed)) {
      const response = await gateway.fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(file)), url).toBe(true);
    }
    const start = await gateway.fetch('/graphiql/start.js');
    expect(start.status).toBe(200);
    const script = await start.text();
    expect(script).toContain('GraphiQL.createFetcher');
    expect(script).toContain('window.location.pathname');
  });

  it('lets the page load scripts only from its own origin and talk only to it', async () => {
    const { csp } = await page();
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['frame-ancestors']).toBe("'none'");
  });

  it('answers the introspection GraphiQL sends, over the same path', async () => {
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name fields { name } } } }' }),
    });
    const body = (await response.json()) as { data: { __schema: { queryType: { fields: Array<{ name: string }> } } } };
    expect(body.data.__schema.queryType.fields.length).toBeGreaterThan(0);
  });

  it('is not served to clients that want JSON, nor to a GET that carries a query', async () => {
    const json = await gateway.fetch('/graphql', { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(json.headers.get('content-type')).not.toMatch(/html/);
    const withQuery = await gateway.fetch('/graphql?query=%7B__typename%7D', { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' } });
    expect(withQuery.headers.get('content-type')).not.toMatch(/html/);
  });
});
