/**
 * The persisted-operation safelist as the gateway mounts it: the public may
 * run only the manifest's operations (anything else is refused with 400
 * PERSISTED_QUERY_NOT_ALLOWED before GraphQL sees it), may send a listed one
 * by its hash alone in a GET URL, and a caller with a key is not restricted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHash, parseManifest } from '../../../src/http/persisted-queries.js';
import { issueRoleKeys, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const COLUMNS = 'query Columns { portalColumns { code name } }';
const UNLISTED = '{ organizations(first: 3) { edges { node { id name } } } }';

let gateway: TestGateway;
let analyst: IssuedKey;

beforeAll(async () => {
  const manifest = parseManifest({ operations: [{ id: operationHash(COLUMNS), body: COLUMNS }] });
  gateway = await startTestGateway({ caching: { responseCache: { maxEntries: 100, ttlMs: 60_000 }, persistedQueries: { file: 'manifest.json', manifest, mode: 'safelist' } } });
  ({ analyst } = await issueRoleKeys(gateway));
});

afterAll(async () => {
  await gateway?.stop();
});

const byHash = (hash: string, headers: Record<string, string> = {}) =>
  gateway.fetch(`/graphql?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) }).toString()}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });

describe('persisted-operation safelist', () => {
  it('refuses a public operation that is not listed, by text or by hash', async () => {
    const refused = await gateway.graphql(UNLISTED);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const unknownHash = await byHash(operationHash(UNLISTED));
    expect(unknownHash.status).toBe(400);
    expect(((await unknownHash.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('runs a listed operation sent by its hash alone over GET, as a public cacheable read', async () => {
    const response = await byHash(operationHash(COLUMNS));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const body = (await response.json()) as { data?: { portalColumns: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data?.portalColumns)).toBe(true);
    expect((await byHash(operationHash(COLUMNS))).headers.get('x-cache')).toBe('HIT');
    // The same listed text sent in full runs too.
    expect((await gateway.graphql(COLUMNS)).status).toBe(200);
  });

  it('does not restrict a caller with a key', async () => {
    const keyed = await gateway.graphql(UNLISTED, {}, analyst.headers);
    expect(keyed.status).toBe(200);
    expect(keyed.errors).toBeUndefined();
    expect(keyed.data).toHaveProperty('organizations');
  });
});
