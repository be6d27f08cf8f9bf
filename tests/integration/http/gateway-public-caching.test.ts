/**
 * Public caching as the gateway mounts it, over the demo data: a public GET
 * of a catalog page is `public, max-age=0, must-revalidate` with an ETag and
 * revalidates to 304; a repeated public read is answered by the response
 * cache without a store command; a department's direct publication and
 * withdrawal drop the entries that hold the record, so a withdrawn record is
 * never served; answers to callers with credentials and the applicant's view
 * of an application (opened with its secret) are never cached nor public.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertApplications, replay } from '../applications/application-fixtures.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const PLANNING = 'org-neicuo-gjb';
const CATALOG = 'query Catalog { disclosures(first: 10) { edges { node { id title organization { name } } } } }';
const ITEM = 'query Item($id: ID!) { node(id: $id) { id ... on Disclosure { title } } }';
const APPLICATION = 'query Mine($n: String!, $s: String!) { application(trackingNumber: $n, secret: $s) { trackingNumber state description } }';
const TRACKING = 'YSQ-20261110-CACHEA';
const SECRET = `ysq_fixture_${TRACKING}`;

let gateway: TestGateway;
let department: IssuedKey;
let commands = 0;

beforeAll(async () => {
  gateway = await startTestGateway({
    seed: true,
    directPublication: [PLANNING],
    onCommand: () => void commands++,
    caching: { responseCache: { maxEntries: 1000, ttlMs: 60_000 }, publicMaxAgeSeconds: 0 },
  });
  department = await issueKey(gateway, { role: 'department', organizationId: PLANNING, stores: ['finance'], sourceSystem: '规建办系统' });
  await insertApplications(gateway, [replay(TRACKING, { receivedOn: '2026-11-10' })]);
});

afterAll(async () => {
  await gateway?.stop();
});

beforeEach(() => {
  commands = 0;
});

/** A public (or keyed) POST, with what the cache and the stores did for it. */
async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const before = commands;
  const result = await gateway.graphql<Record<string, unknown>>(query, variables, headers);
  return { ...result, cache: result.headers.get('x-cache'), cacheControl: result.headers.get('cache-control'), commands: commands - before };
}

function get(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  return gateway.fetch(`/graphql?${params.toString()}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json, application/json', ...headers } });
}

const ids = (result: { data?: Record<string, unknown> | null }) =>
  ((result.data?.disclosures as { edges: Array<{ node: { id: string } }> }).edges ?? []).map((edge) => edge.node.id);

describe('public caching mounted in the gateway', () => {
  it('marks a public GET of a catalog page public with an ETag, and revalidates it with 304', async () => {
    const first = await get(CATALOG);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(((await first.json()) as { data: unknown }).data).toBeTruthy();
    // fetch sends "cache-control: no-cache" with If-None-Match unless told otherwise; a browser revalidating sends max-age=0.
    const again = await get(CATALOG, {}, { 'if-none-match': etag!, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A stale ETag gets the body again, still public.
    const other = await get(CATALOG, {}, { 'if-none-match': '"stale"', 'cache-control': 'max-age=0' });
    expect(other.status).toBe(200);
    expect(other.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(other.headers.get('etag')).toBe(etag);
  });

  it('answers a second identical public POST from the response cache, with no store command', async () => {
    const first = await post(CATALOG);
    expect(first.errors).toBeUndefined();
    expect(first.cache).toBe('MISS');
    expect(first.commands).toBeGreaterThan(0);
    const second = await post(CATALOG);
    expect(second.cache).toBe('HIT');
    expect(second.commands).toBe(0);
    expect(second.data).toEqual(first.data);
    expect(second.cacheControl).toBe(first.cacheControl);
  });

  it('drops the entries holding a record on its direct publication and withdrawal, and never serves it withdrawn', async () => {
    const listedBefore = await post(CATALOG);
    const unrelated = ids(listedBefore)[0]!;
    await post(ITEM, { id: unrelated });
    expect((await post(CATALOG)).cache).toBe('HIT');

    const pushed = await post(
      `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { outcomes { recordId state } } }`,
      { records: [{ sourceId: 'public-cache-1', version: 1, organizationId: PLANNING, recipientProject: '莲塘村道路维护工程', purpose: '道路维护经费', amount: '1200.00', date: '2015-12-30', title: '莲塘村道路维护经费下拨情况' }] },
      department.headers,
    );
    expect(pushed.errors).toBeUndefined();
    const recordId = (pushed.data!.pushFundAllocations as { outcomes: Array<{ recordId: string; state: string }> }).outcomes[0]!.recordId;

    // The catalog page changed: its entry is gone and the new record is listed.
    const listed = await post(CATALOG);
    expect(listed.cache).toBe('MISS');
    expect(ids(listed)).toContain(recordId);
    expect((await post(CATALOG)).cache).toBe('HIT');
    const item = await post(ITEM, { id: recordId });
    expect(item.data?.node).toMatchObject({ title: '莲塘村道路维护经费下拨情况' });
    expect((await post(ITEM, { id: recordId })).cache).toBe('HIT');

    const withdrawn = await post(`mutation { withdrawRecord(kind: "FundAllocation", sourceId: "public-cache-1", reason: "金额有误，撤回更正") { state } }`, {}, department.headers);
    expect(withdrawn.data?.withdrawRecord).toEqual({ state: 'WITHDRAWN' });

    const itemAfter = await post(ITEM, { id: recordId });
    expect(itemAfter.cache).toBe('MISS');
    expect(itemAfter.data?.node).toBeNull();
    const listAfter = await post(CATALOG);
    expect(listAfter.cache).toBe('MISS');
    expect(ids(listAfter)).not.toContain(recordId);
    // Served again, still without the withdrawn record; the unrelated item page was kept.
    expect(ids(await post(CATALOG))).not.toContain(recordId);
    expect((await post(ITEM, { id: unrelated })).cache).toBe('HIT');
  });

  it('never caches nor marks public what a caller with credentials receives', async () => {
    const first = await post(CATALOG, {}, department.headers);
    const second = await post(CATALOG, {}, department.headers);
    for (const answer of [first, second]) {
      expect(answer.errors).toBeUndefined();
      expect(answer.cache).toBeNull();
      expect(answer.cacheControl).toBe('private, no-store');
      expect(answer.commands).toBeGreaterThan(0);
    }
    const viaGet = await get(CATALOG, {}, department.headers);
    expect(viaGet.headers.get('cache-control')).toBe('private, no-store');
  });

  it('never caches nor marks public the applicant’s view of an application, over POST or GET', async () => {
    const variables = { n: TRACKING, s: SECRET };
    const first = await post(APPLICATION, variables);
    expect(first.errors).toBeUndefined();
    expect(first.data?.application).toMatchObject({ trackingNumber: TRACKING });
    const second = await post(APPLICATION, variables);
    for (const answer of [first, second]) {
      expect(answer.cache).toBeNull();
      expect(answer.commands).toBeGreaterThan(0);
      expect(answer.cacheControl ?? '').not.toMatch(/public/);
    }
    for (let i = 0; i < 2; i++) {
      const before = commands;
      const viaGet = await get(APPLICATION, variables);
      expect(viaGet.status).toBe(200);
      expect(viaGet.headers.get('cache-control')).toBe('private, no-store');
      expect(viaGet.headers.get('x-cache')).toBeNull();
      await viaGet.text();
      expect(commands - before).toBeGreaterThan(0);
    }
    // Hidden in a fragment or beside a public field, it still keeps the whole answer out of the caches.
    const mixed = `query Mixed($n: String!, $s: String!) { disclosures(first: 1) { edges { node { id } } } ...Mine }
      fragment Mine on Query { application(trackingNumber: $n, secret: $s) { state } }`;
    await post(mixed, variables);
    const mixedAgain = await post(mixed, variables);
    expect(mixedAgain.cache).toBeNull();
    expect(mixedAgain.commands).toBeGreaterThan(0);
    const mixedGet = await get(mixed, variables);
    expect(mixedGet.headers.get('cache-control')).toBe('private, no-store');
  });
});
