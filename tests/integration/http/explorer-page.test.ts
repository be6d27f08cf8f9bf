/**
 * The query page browsers get at GET /graphql: self-contained (the machine
 * may be offline), locked to its own origin by its Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway?.stop();
});

describe('GET /graphql from a browser', () => {
  it('serves an HTML page that loads nothing from another origin', async () => {
    const response = await gateway.fetch('/graphql', { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<textarea id="query"');
    expect(html).toContain('<textarea id="variables"');
    expect(html).toContain('id="result"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\b(src|href)\s*=/);
  });

  it('allows exactly its own inline script and connections to its own origin', async () => {
    const response = await gateway.fetch('/graphql', { headers: { accept: BROWSER_ACCEPT } });
    const csp = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('posts the same way the page does and gets the root fields it lists', async () => {
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { fields { name description } } mutationType { fields { name description } } } }' }),
    });
    const body = (await response.json()) as { data: { __schema: { queryType: { fields: Array<{ name: string }> } } } };
    expect(body.data.__schema.queryType.fields.length).toBeGreaterThan(0);
  });

  it('is not served to clients that want JSON', async () => {
    const response = await gateway.fetch('/graphql', { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('content-type')).not.toMatch(/html/);
  });
});
