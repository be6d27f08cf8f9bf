/**
 * The gateway's cache of aggregation answers, fed by the change feed: an
 * allocation a department publishes shows in the analyst's next sum, its
 * withdrawal leaves it, and a question asked again in between is answered
 * from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsOf } from '../../../datasources/analytics/analytics-service.js';
import { compareDecimal, subtractDecimal } from '../../../datasources/analytics/decimal-arithmetic.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const PLANNING = 'org-neicuo-gjb';
const SUM = '{ fundAllocationAggregate(filter: { yearFrom: 2015, yearTo: 2015 }) { total { count amount { sum } } } }';

let gateway: TestGateway;
let department: IssuedKey;
let analyst: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, directPublication: [PLANNING], analytics: { cache: { ttlMs: 60_000, maxGroups: 10_000 } } });
  department = await issueKey(gateway, { role: 'department', organizationId: PLANNING, stores: ['finance'], sourceSystem: '规建办系统' });
  analyst = await issueKey(gateway, { role: 'analyst', label: 'analytics cache test' });
});

afterAll(async () => {
  await gateway?.stop();
});

async function total(): Promise<{ count: number; amount: { sum: string } }> {
  const result = await gateway.graphql<{ fundAllocationAggregate: { total: { count: number; amount: { sum: string } } } }>(SUM, {}, analyst.headers);
  expect(result.errors).toBeUndefined();
  return result.data!.fundAllocationAggregate.total;
}

describe('analytics cache over HTTP', () => {
  it('counts a published allocation at once, and forgets it at once when withdrawn', async () => {
    const cache = analyticsOf(gateway.stores).cache!;
    const before = await total();
    expect(await total()).toEqual(before);
    expect(cache.stats().hits).toBe(1);

    const pushed = await gateway.graphql(
      `mutation($records: [FundAllocationPushInput!]!) { pushFundAllocations(records: $records) { outcomes { state } } }`,
      { records: [{ sourceId: 'sum-1', version: 1, organizationId: PLANNING, recipientProject: '莲塘村道路维护工程', purpose: '道路维护经费', amount: '1200.05', date: '2015-12-30', title: '莲塘村道路维护经费下拨情况' }] },
      department.headers,
    );
    expect(pushed.errors).toBeUndefined();
    const published = await total();
    expect(published.count).toBe(before.count + 1);
    expect(compareDecimal(subtractDecimal(published.amount.sum, before.amount.sum), '1200.05')).toBe(0);

    const withdrawn = await gateway.graphql<{ withdrawRecord: { state: string } }>(
      `mutation { withdrawRecord(kind: "FundAllocation", sourceId: "sum-1", reason: "金额有误，撤回更正") { state } }`,
      {},
      department.headers,
    );
    expect(withdrawn.data?.withdrawRecord.state).toBe('WITHDRAWN');
    expect(await total()).toEqual(before);
    expect(cache.stats().hits).toBe(1);
  });
});
