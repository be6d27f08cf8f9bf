/**
 * The gateway's response cache, fed by the stores' change feed: a record a department publishes directly and then withdraws
 * is served from the cache while it is public, and never after its
 * withdrawal, neither as its item page nor in a catalog list; an unrelated
 * item page stays cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedKey } from '../../helpers/credentials.js';
import type { TestGateway } from '../../helpers/gateway.js';
import { DIRECT_PUBLISHER as PLANNING, publicRead, startCachingGateway } from '../../helpers/public-cache.js';

const ITEM = 'query($id: ID!) { node(id: $id) { id ... on Disclosure { title } } }';
const LIST = '{ disclosures(first: 5) { edges { node { id title } } } }';

let gateway: TestGateway;
let key: IssuedKey;

beforeAll(async () => {
  ({ gateway, department: key } = await startCachingGateway());
});

afterAll(async () => {
  await gateway?.stop();
});

const viaCache = (query: string, variables: Record<string, unknown> = {}) => publicRead(gateway, query, variables);

describe('response cache and withdrawal', () => {
  it('serves a published record from the cache until it is withdrawn, and never after', async () => {
    const pushed = await gateway.graphql<{ pushFundAllocations: { outcomes: Array<{ recordId: string; state: string }> } }>(
      `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { outcomes { recordId state } } }`,
      { records: [{ sourceId: 'cache-1', version: 1, organizationId: PLANNING, recipientProject: '莲塘村道路维护工程', purpose: '道路维护经费', amount: '1200.00', date: '2015-12-30', title: '莲塘村道路维护经费下拨情况' }] },
      key.headers,
    );
    expect(pushed.errors).toBeUndefined();
    const recordId = pushed.data!.pushFundAllocations.outcomes[0]!.recordId;

    const other = (await viaCache(LIST)).body.data.disclosures as { edges: Array<{ node: { id: string } }> };
    const unrelated = other.edges.map((e) => e.node.id).find((id) => id !== recordId)!;
    await viaCache(ITEM, { id: unrelated });
    expect((await viaCache(ITEM, { id: recordId })).body.data.node).toMatchObject({ title: '莲塘村道路维护经费下拨情况' });
    expect((await viaCache(ITEM, { id: recordId })).cache).toBe('HIT');
    const listed = await viaCache(LIST);
    expect(listed.cache).toBe('HIT');
    expect(JSON.stringify(listed.body)).toContain(recordId);

    const withdrawn = await gateway.graphql<{ withdrawRecord: { state: string } }>(
      `mutation { withdrawRecord(kind: "FundAllocation", sourceId: "cache-1", reason: "金额有误，撤回更正") { state } }`,
      {},
      key.headers,
    );
    expect(withdrawn.data?.withdrawRecord.state).toBe('WITHDRAWN');

    const item = await viaCache(ITEM, { id: recordId });
    expect(item.cache).toBe('MISS');
    expect(item.body.data.node).toBeNull();
    const list = await viaCache(LIST);
    expect(list.cache).toBe('MISS');
    expect(JSON.stringify(list.body)).not.toContain(recordId);
    expect((await viaCache(ITEM, { id: unrelated })).cache).toBe('HIT');
  });
});
