/**
 * Cached item pages over the real gateway: a record's own lists of values
 * (its `channels`) do not make its page a listing, so a department's push
 * of other records keeps the page, while a correction of the record itself
 * drops it; a page that lists other records still goes on every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedKey } from '../../helpers/credentials.js';
import type { TestGateway } from '../../helpers/gateway.js';
import { DIRECT_PUBLISHER as PLANNING, publicRead, startCachingGateway } from '../../helpers/public-cache.js';

const ITEM = 'query($id: ID!) { node(id: $id) { id ... on Disclosure { title channels organization { id name } } ... on FundAllocation { purpose } } }';
const PAGE = '{ disclosures(first: 20) { edges { node { id organization { id } } } } }';
const PLANNING_ID = Buffer.from(`Organization:${PLANNING}`).toString('base64url');

interface Item {
  node: { id: string; title: string; channels: string[]; organization: { id: string }; purpose?: string } | null;
}

let gateway: TestGateway;
let department: IssuedKey;

beforeAll(async () => {
  ({ gateway, department } = await startCachingGateway());
});

afterAll(async () => {
  await gateway?.stop();
});

async function pushAllocation(sourceId: string, version: number, purpose: string): Promise<string> {
  const pushed = await gateway.graphql<{ pushFundAllocations: { outcomes: Array<{ recordId: string; outcome: string }> } }>(
    `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { outcomes { recordId outcome } } }`,
    { records: [{ sourceId, version, organizationId: PLANNING, recipientProject: '村级道路维护工程', purpose, amount: '1200.00', date: '2015-12-30', title: '村级道路维护经费下拨情况' }] },
    department.headers,
  );
  expect(pushed.errors).toBeUndefined();
  // The outcome names the record by its global id.
  return pushed.data!.pushFundAllocations.outcomes[0]!.recordId;
}

describe('cached item pages and published changes', () => {
  it('keeps an item page with its own channels through pushes of other records, and drops it when the record changes', async () => {
    const page = await publicRead<{ disclosures: { edges: Array<{ node: { id: string; organization: { id: string } } }> } }>(gateway, PAGE);
    const other = page.body.data.disclosures.edges.find((edge) => edge.node.organization.id !== PLANNING_ID);
    expect(other, 'a seeded record of another organization').toBeDefined();
    const first = await publicRead<Item>(gateway, ITEM, { id: other!.node.id });
    expect(first.cache).toBe('MISS');
    expect(first.body.data.node?.channels.length).toBeGreaterThan(0);

    const own = await pushAllocation('item-1', 1, '道路维护经费');
    const ownPage = await publicRead<Item>(gateway, ITEM, { id: own });
    expect(ownPage.cache).toBe('MISS');
    expect(ownPage.body.data.node?.purpose).toBe('道路维护经费');
    expect((await publicRead(gateway, PAGE)).cache).toBe('MISS');

    await pushAllocation('item-2', 1, '桥梁维护经费');
    // Another record of the planning office was published: the other organization's item page stays; the listing goes.
    expect((await publicRead<Item>(gateway, ITEM, { id: other!.node.id })).cache).toBe('HIT');
    expect((await publicRead(gateway, PAGE)).cache).toBe('MISS');

    await pushAllocation('item-1', 2, '道路维护经费（更正）');
    const corrected = await publicRead<Item>(gateway, ITEM, { id: own });
    expect(corrected.cache).toBe('MISS');
    expect(corrected.body.data.node?.purpose).toBe('道路维护经费（更正）');
    expect((await publicRead<Item>(gateway, ITEM, { id: other!.node.id })).cache).toBe('HIT');
  });
});
