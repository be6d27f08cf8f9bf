/**
 * Cached catalog searches over the real gateway: a department's publication
 * drops the searches its record matches (and every other list) and keeps a
 * search it cannot match; a correction drops the searches the record
 * matched before it, also where only their count showed it; a withdrawal
 * keeps the searches the record no longer matched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedKey } from '../../helpers/credentials.js';
import type { TestGateway } from '../../helpers/gateway.js';
import { DIRECT_PUBLISHER as PLANNING, publicRead, startCachingGateway } from '../../helpers/public-cache.js';

const SEARCH = 'query($s: String!) { disclosures(first: 5, filter: { search: $s }) { totalCount edges { node { id title } } } }';
const LIST = '{ disclosures(first: 5) { edges { node { id title } } } }';
/** The number of matches only: a record counted here is on no page of it. */
const COUNT = 'query($s: String!) { disclosures(first: 0, filter: { search: $s }) { totalCount edges { node { id } } } }';

let gateway: TestGateway;
let key: IssuedKey;

beforeAll(async () => {
  ({ gateway, department: key } = await startCachingGateway());
});

afterAll(async () => {
  await gateway?.stop();
});

async function viaCache(query: string, variables: Record<string, unknown> = {}) {
  const { cache, body } = await publicRead<{ disclosures: { totalCount?: number; edges: Array<{ node: { id: string } }> } }>(gateway, query, variables);
  return { cache, ids: body.data.disclosures.edges.map((e) => e.node.id), total: body.data.disclosures.totalCount };
}

describe('cached searches and published changes', () => {
  it('drops only the searches a published, corrected or withdrawn record matches or matched', async () => {
    const matching = { s: '莲塘村道路' };
    const other = { s: '防汛抗旱' };
    const before = await viaCache(SEARCH, matching);
    await viaCache(SEARCH, other);
    await viaCache(LIST);
    expect((await viaCache(SEARCH, other)).cache).toBe('HIT');
    expect((await viaCache(SEARCH, matching)).cache).toBe('HIT');

    const pushed = await gateway.graphql<{ pushFundAllocations: { outcomes: Array<{ recordId: string }> } }>(
      `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { outcomes { recordId } } }`,
      { records: [{ sourceId: 'search-1', version: 1, organizationId: PLANNING, recipientProject: '莲塘村道路维护工程', purpose: '道路维护经费', amount: '1200.00', date: '2015-12-30', title: '莲塘村道路维护经费下拨情况' }] },
      key.headers,
    );
    expect(pushed.errors).toBeUndefined();
    const recordId = pushed.data!.pushFundAllocations.outcomes[0]!.recordId;

    const found = await viaCache(SEARCH, matching);
    expect(found.cache).toBe('MISS');
    expect(found.ids).toContain(recordId);
    expect(found.total).toBe((before.total ?? 0) + 1);
    expect((await viaCache(SEARCH, other)).cache).toBe('HIT');
    expect((await viaCache(LIST)).cache).toBe('MISS');

    expect((await viaCache(COUNT, matching)).total).toBe((before.total ?? 0) + 1);
    expect((await viaCache(COUNT, matching)).cache).toBe('HIT');
    const corrected = await gateway.graphql(
      `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { totals { updated } } }`,
      { records: [{ sourceId: 'search-1', version: 2, organizationId: PLANNING, recipientProject: '村级公路养护工程', purpose: '公路养护经费', amount: '1200.00', date: '2015-12-30', title: '村级公路养护经费下拨情况' }] },
      key.headers,
    );
    expect(corrected.data).toEqual({ pushFundAllocations: { totals: { updated: 1 } } });
    const recounted = await viaCache(COUNT, matching);
    expect(recounted.cache).toBe('MISS');
    expect(recounted.total).toBe(before.total);
    const searchedAgain = await viaCache(SEARCH, matching);
    expect(searchedAgain.cache).toBe('MISS');
    expect(searchedAgain.ids).not.toContain(recordId);
    expect((await viaCache(SEARCH, other)).cache).toBe('HIT');

    const withdrawn = await gateway.graphql<{ withdrawRecord: { state: string } }>(
      `mutation { withdrawRecord(kind: "FundAllocation", sourceId: "search-1", reason: "重复发布，撤回") { state } }`,
      {},
      key.headers,
    );
    expect(withdrawn.data?.withdrawRecord.state).toBe('WITHDRAWN');
    // The record had stopped matching: its withdrawal leaves the search as it was.
    const gone = await viaCache(SEARCH, matching);
    expect(gone.cache).toBe('HIT');
    expect(gone.total).toBe(before.total);
    expect((await viaCache(SEARCH, other)).cache).toBe('HIT');
  });
});
