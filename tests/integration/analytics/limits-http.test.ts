/** Per-role cost limits over HTTP: a wide aggregation refused for the public with its cost and limit, allowed for an analyst; a store down during an aggregation, and the office store down while its organizations are asked for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/config.js';
import { AUTHENTICATED_BUDGET_FACTOR } from '../../../src/http/query-limits.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { loadAnalyticsFixture } from './analytics-fixture.js';

let gateway: TestGateway;
let analyst: IssuedKey;

const WIDE = `query { threePublicExpenseAggregate(first: 10000, groupBy: [ORGANIZATION, MONTH]) {
  groups { key { organization { name parent { name } } month } amount { sum average min max } guests { sum } } } }`;

beforeAll(async () => {
  gateway = await startTestGateway({ separateStores: true });
  await loadAnalyticsFixture(gateway.stores);
  analyst = await issueKey(gateway, { role: 'analyst', label: 'limits test' });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('cost limits per role', () => {
  it('refuses a wide aggregation for the public with QUERY_TOO_COMPLEX, its cost and the public limit', async () => {
    const result = await gateway.graphql(WIDE);
    expect(result.status).toBe(400);
    const extensions = result.errors?.[0]?.extensions;
    expect(extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(extensions?.limit).toBe(DEFAULTS.maxQueryComplexity);
    expect(extensions?.cost).toBeGreaterThan(DEFAULTS.maxQueryComplexity);
    expect(extensions?.cost).toBeLessThanOrEqual(DEFAULTS.maxQueryComplexity * AUTHENTICATED_BUDGET_FACTOR);
  });

  it('allows the same aggregation for an analyst', async () => {
    const result = await gateway.graphql<{ threePublicExpenseAggregate: { groups: unknown[] } }>(WIDE, {}, analyst.headers);
    expect(result.errors).toBeUndefined();
    expect(result.data!.threePublicExpenseAggregate.groups.length).toBeGreaterThan(5);
  });

  it('lets the public run a small aggregation of published records', async () => {
    const result = await gateway.graphql<{ catalogItemAggregate: { total: { count: number } } }>('{ catalogItemAggregate { total { count } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.catalogItemAggregate.total.count).toBe(10);
  });

  it('an analyst\'s budget has a limit too', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `a${i}: threePublicExpenseAggregate { total { count } }`).join('\n');
    const result = await gateway.graphql(`{ ${many} }`, {}, analyst.headers);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: DEFAULTS.maxQueryComplexity * AUTHENTICATED_BUDGET_FACTOR, role: 'analyst' });
  });
});

describe('a store down during an aggregation', () => {
  it('reports the missing store beside the other stores\' counts, never a silently smaller total', async () => {
    await gateway.servers.procurement!.stop();
    const result = await gateway.graphql<{ catalogItemAggregate: { groups: Array<{ key: { category: string }; count: number }>; total: { count: number }; complete: boolean; missingSources: string[] }; procurementAggregate: unknown }>(
      '{ catalogItemAggregate(groupBy: [CATEGORY]) { groups { key { category } count } total { count } complete missingSources } }',
      {},
      analyst.headers,
    );
    expect(result.data!.catalogItemAggregate).toEqual({
      groups: [
        { key: { category: 'FISCAL_FUNDS' }, count: 3 },
        { key: { category: 'ORGANIZATION_PERSONNEL' }, count: 3 },
        { key: { category: 'WORK_NEWS' }, count: 2 },
      ],
      total: { count: 8 },
      complete: false,
      missingSources: ['procurement'],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'procurement' });
    expect(result.errors![0]!.path).toEqual(['catalogItemAggregate']);

    const only = await gateway.graphql<{ procurementAggregate: { total: { count: number }; complete: boolean } }>('{ procurementAggregate { total { count } complete } }', {}, analyst.headers);
    expect(only.data!.procurementAggregate).toEqual({ total: { count: 0 }, complete: false });
    expect(only.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'procurement' });
  });

  it('answers the groups while the office store is down, each organization reported missing at its own path', async () => {
    await gateway.servers.office!.stop();
    // The public, whose requests need no key from the office store.
    const result = await gateway.graphql<{ threePublicExpenseAggregate: { groups: Array<{ key: { organization: unknown }; count: number }> } }>(
      '{ threePublicExpenseAggregate(filter: { yearFrom: 2015, yearTo: 2015, phases: [FINAL], items: [OFFICIAL_RECEPTION] }, groupBy: [ORGANIZATION]) { groups { key { organization { name } } count } } }',
    );
    expect(result.data!.threePublicExpenseAggregate.groups).toEqual([
      { key: { organization: null }, count: 2 },
      { key: { organization: null }, count: 1 },
      { key: { organization: null }, count: 1 },
    ]);
    expect(result.errors!.map((e) => [e.extensions!.code, e.extensions!.source, e.path])).toEqual(
      [0, 1, 2].map((i) => ['SOURCE_UNAVAILABLE', 'office', ['threePublicExpenseAggregate', 'groups', i, 'key', 'organization']]),
    );
  });
});
