/** A seeded gateway with its response cache on and a department that publishes directly, and public reads that report the cache's verdict. */
import { issueKey, type IssuedKey } from './credentials.js';
import { startTestGateway, type TestGateway } from './gateway.js';

/** The planning office (规建办), which publishes without review in these gateways. */
export const DIRECT_PUBLISHER = 'org-neicuo-gjb';

/** Starts the gateway and issues the planning office's key for the finance store. */
export async function startCachingGateway(): Promise<{ gateway: TestGateway; department: IssuedKey }> {
  const gateway = await startTestGateway({ seed: true, directPublication: [DIRECT_PUBLISHER], caching: { responseCache: { maxEntries: 1000, ttlMs: 60_000 } } });
  const department = await issueKey(gateway, { role: 'department', organizationId: DIRECT_PUBLISHER, stores: ['finance'], sourceSystem: '规建办系统' });
  return { gateway, department };
}

/** A public POST of `query`, with the response cache's `x-cache` verdict. */
export async function publicRead<TData = Record<string, unknown>>(gateway: TestGateway, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { cache: response.headers.get('x-cache'), body: (await response.json()) as { data: TData } };
}

/** Pushes a new fund allocation `sourceId` of the planning office, published at once: a change of a record no cached answer holds. Throws unless it was created. */
export async function pushNewAllocation(gateway: TestGateway, department: IssuedKey, sourceId: string): Promise<void> {
  const pushed = await gateway.graphql(
    `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { totals { created } } }`,
    { records: [{ sourceId, version: 1, organizationId: DIRECT_PUBLISHER, recipientProject: '村级道路维护工程', purpose: '道路维护经费', amount: '1200.00', date: '2015-12-30', title: '村级道路维护经费下拨情况' }] },
    department.headers,
  );
  const expected = JSON.stringify({ pushFundAllocations: { totals: { created: 1 } } });
  if (JSON.stringify(pushed.data) !== expected) throw new Error(`push of ${sourceId} answered ${JSON.stringify(pushed)}`);
}
