/**
 * GraphQL over HTTP against the real gateway on an ephemeral port: methods,
 * content negotiation, CSRF prevention, request errors and request ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayTypenameDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ limits: { bodyLimitBytes: 64 * 1024 } });
});

afterAll(async () => {
  await gateway?.stop();
});

const jsonPost = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('POST /graphql', () => {
  it('answers a typed operation', async () => {
    const result = await gateway.graphql(GatewayTypenameDocument);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('answers in the media type the client prefers', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const modern = await gateway.fetch('/graphql', jsonPost(body, { accept: 'application/graphql-response+json' }));
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const legacy = await gateway.fetch('/graphql', jsonPost(body, { accept: 'application/json' }));
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await legacy.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports a query that does not parse as GRAPHQL_PARSE_FAILED', async () => {
    const result = await gateway.graphql('{ __typename ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('reports an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await gateway.graphql('{ noSuchFieldAnywhere }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain('noSuchFieldAnywhere');
  });

  it('answers a malformed JSON body with 400 and a JSON error', async () => {
    const response = await gateway.fetch('/graphql', jsonPost('{"query": "{ __typename }"'));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a body over the limit with 413 and a JSON error', async () => {
    const padding = 'x'.repeat(70 * 1024);
    const response = await gateway.fetch('/graphql', jsonPost(JSON.stringify({ query: `{ __typename } # ${padding}` })));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]?.message).toContain(String(64 * 1024));
  });

  it('refuses a form post that could come from another site (CSRF prevention)', async () => {
    const response = await gateway.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });
});

describe('GET /graphql', () => {
  it('answers a query in the URL when the request carries a preflight header', async () => {
    const response = await gateway.fetch(`/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers variables and an operation name in the URL', async () => {
    const query = 'query A { a: __typename } query B { b: __typename }';
    const response = await gateway.fetch(`/graphql?query=${encodeURIComponent(query)}&operationName=B&variables=${encodeURIComponent('{}')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { b: 'Query' } });
  });

  it('refuses a simple cross-site GET without a preflight header', async () => {
    const response = await gateway.fetch(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });
});

describe('request ids', () => {
  it('generates an x-request-id for every response, errors and health checks included', async () => {
    for (const response of [
      await gateway.fetch('/graphql', jsonPost(JSON.stringify({ query: '{ __typename }' }))),
      await gateway.fetch('/graphql', jsonPost('not json')),
      await gateway.fetch('/healthz'),
      await gateway.fetch('/no/such/path'),
    ]) {
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('logs every request with its id, method, path and status at debug level', async () => {
    const response = await gateway.fetch('/healthz', { headers: { 'x-request-id': 'access-log-check' } });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gateway.logs()).toContainEqual(expect.objectContaining({ level: 20, requestId: 'access-log-check', method: 'GET', path: '/healthz', status: 200, msg: 'request served' }));
  });

  it('keeps a sane incoming id and replaces one that is not', async () => {
    const kept = await gateway.fetch('/healthz', { headers: { 'x-request-id': 'portal-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('portal-7f3a.42');
    const replaced = await gateway.fetch('/healthz', { headers: { 'x-request-id': 'x'.repeat(300) } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('other paths', () => {
  it('answers an unknown path with 404 in the GraphQL error shape', async () => {
    const response = await gateway.fetch('/graphiql');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
