/**
 * Persisted operations in safelist mode, on Apollo Server with express as
 * the gateway serves: the public runs manifest operations by text or by
 * hash alone (POST, and GET that HTTP caches can key on), anything else is
 * refused with PERSISTED_QUERY_NOT_ALLOWED before GraphQL runs; callers with
 * credentials are not restricted; a manifest whose id is not the hash of its
 * body is refused.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHash, parseManifest, persistedQueries } from '../../../src/http/persisted-queries.js';

const ALLOWED = 'query Title { title }';
const OTHER = '{ secret }';
let server: http.Server;
let apollo: ApolloServer;
let origin = '';
let executed = 0;

beforeAll(async () => {
  apollo = new ApolloServer({
    typeDefs: 'type Query { title: String, secret: String }',
    resolvers: { Query: { title: () => { executed++; return '公开目录'; }, secret: () => { executed++; return 'x'; } } },
  });
  await apollo.start();
  const app = express();
  const manifest = parseManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: operationHash(ALLOWED), name: 'Title', type: 'query', body: ALLOWED }] });
  app.use('/graphql', express.json(), persistedQueries({ manifest }), expressMiddleware(apollo));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await apollo.stop();
  await new Promise((resolve) => server.close(resolve));
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions: { code: string } }> } };
}

const byHash = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: operationHash(text) } });

describe('safelisted persisted operations', () => {
  it('runs a manifest operation sent as text, or as its hash alone in POST or GET', async () => {
    expect((await post({ query: ALLOWED })).body.data).toEqual({ title: '公开目录' });
    expect((await post({ extensions: byHash(ALLOWED) })).body.data).toEqual({ title: '公开目录' });
    const get = await fetch(`${origin}/graphql?extensions=${encodeURIComponent(JSON.stringify(byHash(ALLOWED)))}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { title: '公开目录' } });
  });

  it('refuses any other public operation, by text or by hash, before it runs', async () => {
    executed = 0;
    for (const body of [{ query: OTHER }, { extensions: byHash(OTHER) }, { query: OTHER, extensions: byHash(ALLOWED) }]) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    expect(executed).toBe(0);
  });

  it('lets callers with credentials run other operations', async () => {
    expect((await post({ query: OTHER }, { authorization: 'Bearer token' })).body.data).toEqual({ secret: 'x' });
  });

  it('refuses a manifest whose id is not the hash of its body', () => {
    expect(() => parseManifest({ operations: [{ id: operationHash(OTHER), body: ALLOWED }] })).toThrow(/not the SHA-256/);
  });
});
