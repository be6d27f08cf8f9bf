/** The per-store time limit of aggregations over HTTP: a clear STORE_TIME_LIMIT_EXCEEDED naming the store and the limit, not a hung request. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { loadAnalyticsFixture } from './analytics-fixture.js';

let gateway: TestGateway;
let analyst: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ analytics: { timeLimitMS: 1 } });
  await loadAnalyticsFixture(gateway.stores);
  analyst = await issueKey(gateway, { role: 'analyst', label: 'time limit test' });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('per-store time limit', () => {
  it('answers STORE_TIME_LIMIT_EXCEEDED with the store and the limit', async () => {
    const started = Date.now();
    const result = await gateway.graphql(
      '{ threePublicExpenseAggregate(groupBy: [ORGANIZATION, MONTH, EXPENSE_ITEM, BUDGET_PHASE]) { groups { count amount { sum } guests { sum } } } }',
      {},
      analyst.headers,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_TIME_LIMIT_EXCEEDED', source: 'finance', limit: 1 });
    expect(result.errors?.[0]?.message).toMatch(/time limit of 1 ms/);
  });
});
