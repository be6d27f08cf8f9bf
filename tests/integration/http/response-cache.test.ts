/**
 * The public response cache over HTTP: public reads are answered again
 * from the cache (with an ETag, and 304 for a matching If-None-Match);
 * callers with credentials, mutations and answers with errors are not
 * cached; a published change drops exactly the entries holding or asking
 * for a changed record, and every entry holding a list; an answer computed
 * while a change was announced is not kept; the same request arriving while
 * one is computed waits for it instead of computing it again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../datasources/change-feed.js';
import type { OwnPartPaths } from '../../../src/http/own-parts.js';
import { createResponseCache, type ResponseCache } from '../../../src/http/response-cache.js';

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const AWARD_PARTS: OwnPartPaths = new Map([
  ['node.awards', 'owned'],
  ['node.awards.suppliers', 'linked'],
]);

let server: http.Server;
let origin = '';
let cache: ResponseCache;
const changes = new ChangeFeed();
let backendCalls = 0;
/** Runs while the backend computes an answer (to announce a change in the middle of it). */
let duringAnswer: (() => void) | null = null;

function backend(body: { query: string; variables?: { id?: string; fail?: boolean; slow?: boolean; supplierIds?: boolean } }): unknown {
  backendCalls++;
  duringAnswer?.();
  if (body.variables?.fail) return { data: null, errors: [{ message: 'store down', extensions: { code: 'SOURCE_UNAVAILABLE' } }] };
  if (body.query.includes('awards')) {
    const supplier = body.variables?.supplierIds ? { id: gid('Supplier', 's1'), name: '供应商甲' } : { name: '供应商甲' };
    return { data: { node: { id: gid('Procurement', body.variables?.id ?? 'p0'), awards: [{ title: '中标公告', suppliers: [supplier] }] } } };
  }
  if (body.query.includes('list')) return { data: { list: [{ id: gid('Procurement', 'p1') }] } };
  return { data: { node: body.variables?.id === 'missing' ? null : { id: gid('Procurement', body.variables?.id ?? 'p0'), title: '采购结果公告' } } };
}

beforeAll(async () => {
  // As the gateway's schema declares them (`own-parts.ts`): a procurement's awards are its own, their suppliers records linked from it.
  cache = createResponseCache({ changes, ownParts: (document) => (print(document).includes('awards') ? AWARD_PARTS : new Map()) });
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url!, 'http://x');
      const body = (req.method === 'POST' ? JSON.parse(text) : { query: url.searchParams.get('query'), variables: JSON.parse(url.searchParams.get('variables') ?? '{}') }) as Parameters<typeof backend>[0];
      const toCache = () =>
        cache.middleware(Object.assign(req, { body: req.method === 'POST' ? body : undefined }), res, () => {
          const answer = JSON.stringify(backend(body));
          res.setHeader('content-type', 'application/json');
          // A slow answer stays in progress long enough for the same request to arrive meanwhile.
          setTimeout(() => res.end(answer), body.variables?.slow ? 100 : 0);
        });
      // As the gateway's credential check does, a step before the cache may take its time.
      if (req.headers['x-slow-before-cache']) setTimeout(toCache, 100);
      else toCache();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  cache.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  backendCalls = 0;
  duringAnswer = null;
});

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, cache: response.headers.get('x-cache'), etag: response.headers.get('etag'), body: await response.text() };
}

describe('response cache', () => {
  it('answers a repeated public read from the cache, with the same body and an ETag', async () => {
    const first = await post('query { node(id: $id) { id } }', { id: 'a1' });
    const second = await post('query { node(id: $id) { id } }', { id: 'a1' });
    expect(first.cache).toBe('MISS');
    expect(second.cache).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(second.etag).toMatch(/^"/);
    expect(backendCalls).toBe(1);
  });

  it('answers a conditional GET whose ETag matches with 304', async () => {
    const query = encodeURIComponent('query { node(id: $id) { id } }');
    const variables = encodeURIComponent(JSON.stringify({ id: 'g1' }));
    const first = await fetch(`${origin}/graphql?query=${query}&variables=${variables}`);
    await first.text();
    const again = await fetch(`${origin}/graphql?query=${query}&variables=${variables}`, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(backendCalls).toBe(1);
  });

  it('does not cache callers with credentials, mutations, or answers with errors', async () => {
    await post('query { node(id: $id) { id } }', { id: 'k1' }, { authorization: 'Bearer x' });
    await post('query { node(id: $id) { id } }', { id: 'k1' }, { authorization: 'Bearer x' });
    await post('mutation { node(id: $id) { id } }', { id: 'k2' });
    await post('mutation { node(id: $id) { id } }', { id: 'k2' });
    await post('query { node(id: $id) { id } }', { id: 'k3', fail: true });
    const failedAgain = await post('query { node(id: $id) { id } }', { id: 'k3', fail: true });
    expect(failedAgain.cache).toBe('MISS');
    expect(backendCalls).toBe(6);
  });

  it('drops the entries holding a changed record and every list, and keeps the others', async () => {
    await post('query { node(id: $id) { id } }', { id: 'w1' });
    await post('query { node(id: $id) { id } }', { id: 'w2' });
    await post('query { list { id } }');
    changes.publish({ store: 'procurement', recordIds: ['w1'], organizationIds: ['org-1'], kinds: ['Procurement'], searchTerms: [] });
    expect((await post('query { node(id: $id) { id } }', { id: 'w1' })).cache).toBe('MISS');
    expect((await post('query { node(id: $id) { id } }', { id: 'w2' })).cache).toBe('HIT');
    expect((await post('query { list { id } }')).cache).toBe('MISS');
  });

  it('keeps a record’s own lists through changes of other records, and its linked records only when each shows its id', async () => {
    const awards = 'query { node(id: $id) { id ... on Procurement { awards { title suppliers { id name } } } } }';
    await post(awards, { id: 'r-own', supplierIds: true });
    await post(awards, { id: 'r-anon' });
    changes.publish({ store: 'procurement', recordIds: ['elsewhere'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    expect((await post(awards, { id: 'r-own', supplierIds: true })).cache).toBe('HIT');
    // A supplier without its id could change unseen: the answer is a listing.
    expect((await post(awards, { id: 'r-anon' })).cache).toBe('MISS');
    changes.publish({ store: 'procurement', recordIds: ['s1'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    expect((await post(awards, { id: 'r-own', supplierIds: true })).cache).toBe('MISS');
  });

  it('drops an answer of null for an id once that record is published', async () => {
    await post('query { node(id: $id) { id } }', { id: gid('Procurement', 'missing') });
    expect((await post('query { node(id: $id) { id } }', { id: gid('Procurement', 'missing') })).cache).toBe('HIT');
    changes.publish({ store: 'procurement', recordIds: ['missing'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    expect((await post('query { node(id: $id) { id } }', { id: gid('Procurement', 'missing') })).cache).toBe('MISS');
  });

  it('does not keep an answer computed while a change was announced', async () => {
    duringAnswer = () => changes.publish({ store: 'procurement', recordIds: ['zzz'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    await post('query { node(id: $id) { id } }', { id: 'r1' });
    duringAnswer = null;
    expect((await post('query { node(id: $id) { id } }', { id: 'r1' })).cache).toBe('MISS');
    expect(cache.stats().hits).toBeGreaterThan(0);
  });

  it('lets the same request arriving meanwhile wait for the answer in progress instead of computing it again', async () => {
    const before = cache.stats().coalesced;
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('query { node(id: $id) { id } }', { id: 'busy', slow: true })));
    expect(backendCalls).toBe(1);
    expect(answers.map((a) => a.cache).sort()).toEqual(['HIT', 'HIT', 'HIT', 'HIT', 'MISS']);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(cache.stats().coalesced - before).toBe(4);
  });

  it('lets the waiting requests compute their own answers when the one in progress is not kept', async () => {
    const answers = await Promise.all(Array.from({ length: 3 }, () => post('query { node(id: $id) { id } }', { id: 'busy-failing', slow: true, fail: true })));
    expect(answers.every((a) => a.status === 200 && a.cache === 'MISS' && a.body.includes('SOURCE_UNAVAILABLE'))).toBe(true);
    expect(backendCalls).toBe(3);
  });

  it('gives the waiters that arrived before a change the answer in progress, which is not kept, and lets a later one compute its own', async () => {
    const query = 'query { node(id: $id) { id } }';
    const sharedBefore = cache.stats().shared;
    const leader = post(query, { id: 'shared', slow: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const early = [post(query, { id: 'shared', slow: true }), post(query, { id: 'shared', slow: true })];
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Announced while the answer is computed: it is not kept.
    changes.publish({ store: 'procurement', recordIds: ['unrelated'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    const late = post(query, { id: 'shared', slow: true });
    const [first, ...waiters] = await Promise.all([leader, ...early, late]);
    expect(first!.cache).toBe('MISS');
    expect(waiters.map((a) => a.cache)).toEqual(['SHARED', 'SHARED', 'MISS']);
    expect(waiters.every((a) => a.status === 200 && a.body === first!.body)).toBe(true);
    expect(waiters[0]!.etag).toBe(first!.etag);
    // The leader and the request that arrived after the change computed; the two before it did not.
    expect(backendCalls).toBe(2);
    expect(cache.stats().shared - sharedBefore).toBe(2);
  });

  it('keeps answering a request whose earlier waiter left before the answer in progress was finished', async () => {
    const query = 'query { node(id: $id) { id } }';
    // The answer in progress is not kept (an error), so a waiter would compute its own; this waiter's client has gone by then.
    const leader = post(query, { id: 'left', slow: true, fail: true });
    const gone = new AbortController();
    const waiter = fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { id: 'left', slow: true, fail: true } }), signal: gone.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    gone.abort();
    await expect(waiter).rejects.toThrow();
    // The leader's backend call was made at once; only its answer is slow.
    const callsBefore = backendCalls;
    await leader;
    // Before, the departed waiter took the lead without ever finishing it, and every later request for the key waited forever.
    const later = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { id: 'left', slow: true, fail: true } }), signal: AbortSignal.timeout(2_000) });
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('SOURCE_UNAVAILABLE');
    // The departed waiter computed nothing: its answer had no one to go to. Only the later request did.
    expect(backendCalls - callsBefore).toBe(1);
  });

  it('keeps answering a request whose first asker left before reaching the cache', async () => {
    const query = 'query { node(id: $id) { id } }';
    const request = (headers: Record<string, string>, signal: AbortSignal) =>
      fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables: { id: 'early-leaver', fail: true } }), signal });
    const gone = new AbortController();
    const first = request({ 'x-slow-before-cache': '1' }, gone.signal);
    await new Promise((resolve) => setTimeout(resolve, 30));
    gone.abort();
    await expect(first).rejects.toThrow();
    // The first asker reaches the cache after its client has gone.
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Its answer (an error) was not kept, so the later request computes its own instead of waiting for a turn that had ended before it began.
    const later = await request({}, AbortSignal.timeout(2_000));
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('SOURCE_UNAVAILABLE');
  });
});
