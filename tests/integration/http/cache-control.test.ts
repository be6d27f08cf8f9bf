/**
 * Cache-Control of public reads over HTTP, on Apollo Server with express as
 * the gateway serves: a public GET query is `public, max-age=0,
 * must-revalidate` with an ETag, and a conditional GET with that ETag gets
 * 304; POST, errors and callers with credentials are never public.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCacheControlPlugin } from '../../../src/http/cache-control.js';

interface Context {
  isPublic: boolean;
}

let server: http.Server;
let apollo: ApolloServer<Context>;
let origin = '';

beforeAll(async () => {
  apollo = new ApolloServer<Context>({
    typeDefs: 'type Query { title: String, broken: String }',
    resolvers: { Query: { title: () => '政府信息公开目录', broken: () => { throw new Error('boom'); } } },
    // As the gateway mounts it: in place of Apollo's own cache-control plugin.
    plugins: [ApolloServerPluginCacheControlDisabled(), publicCacheControlPlugin<Context>({ isPublic: (context) => context.isPublic })],
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async ({ req }) => ({ isPublic: req.headers.authorization === undefined }) }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await apollo.stop();
  await new Promise((resolve) => server.close(resolve));
});

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

describe('Cache-Control of public reads', () => {
  it('marks a public GET query public and revalidated, and answers its ETag with 304', async () => {
    const first = await get('{ title }');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch adds "cache-control: no-cache" (a forced reload) to a request with If-None-Match unless one is given, as a browser revalidating does.
    const again = await get('{ title }', { 'if-none-match': etag!, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
  });

  it('never marks POST, answers with errors, or callers with credentials public', async () => {
    const posted = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ title }' }) });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const failed = await get('{ broken }');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const authenticated = await get('{ title }', { authorization: 'Bearer token' });
    expect(authenticated.headers.get('cache-control')).toBe('private, no-store');
  });
});
