/** The data layer's aggregations over the fixture, run by the embedded store through the driver, against hand-computed answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsOf, StoreAnalytics } from '../../../datasources/analytics/analytics-service.js';
import type { AggregateGroup, AggregationRequest, Dimension } from '../../../datasources/analytics/analytics-request.js';
import { StoreTimeLimitError } from '../../../datasources/analytics/store-time-limit.js';
import { openStores, type Stores } from '../../../datasources/index.js';
import { startTestMongo, type TestMongo } from '../../helpers/mongo.js';
import { DEPT_A, DEPT_B, DEPT_C, loadAnalyticsFixture, NOW, SUPPLIER_1, SUPPLIER_2, TOWN } from './analytics-fixture.js';

let mongo: TestMongo;
let stores: Stores;

beforeAll(async () => {
  mongo = await startTestMongo();
  const config = (store: string) => ({ uri: mongo.uri, dbName: mongo.dbName(store), timeoutMS: 5_000 });
  stores = await openStores({ finance: config('finance'), procurement: config('procurement'), personnel: config('personnel'), office: config('office') });
  await loadAnalyticsFixture(stores);
});

afterAll(async () => {
  await stores.close();
  await mongo.stop();
});

function request(partial: Partial<AggregationRequest> & Pick<AggregationRequest, 'kind'>): AggregationRequest {
  return { filter: {}, groupBy: [], measures: [], visibleAt: NOW, ...partial };
}

/** Groups as `key → [count, sums…]` for compact comparison. */
function table(groups: AggregateGroup[], dims: Dimension[], measures: string[]): Record<string, unknown[]> {
  return Object.fromEntries(groups.map((g) => [dims.map((d) => String(g.key[d])).join('|'), [g.count, ...measures.map((m) => g.measures[m]!.sum)]]));
}

describe('aggregations in the stores', () => {
  it('groups a year of 三公 finals by organization and month, leaving out a statement scheduled for later', async () => {
    const result = await analyticsOf(stores).aggregate(
      request({ kind: 'EXPENSE', filter: { yearFrom: 2015, yearTo: 2015, phases: ['FINAL'] }, groupBy: ['ORGANIZATION', 'MONTH'], measures: ['amount'] }),
    );
    expect(result.unavailable).toEqual([]);
    expect(table(result.groups, ['ORGANIZATION', 'MONTH'], ['amount'])).toEqual({
      [`${DEPT_A}|1`]: [1, '100.10'],
      [`${DEPT_A}|2`]: [1, '200.20'],
      [`${DEPT_A}|4`]: [1, '50.00'],
      [`${DEPT_B}|1`]: [1, '1000.00'],
      [`${TOWN}|1`]: [1, '9.99'],
    });
  });

  it('merges organizations into their level from partial sums, not from averages', async () => {
    const result = await analyticsOf(stores).aggregate(
      request({ kind: 'EXPENSE', filter: { yearFrom: 2015, yearTo: 2015, phases: ['FINAL'], items: ['OFFICIAL_RECEPTION'] }, groupBy: ['ORGANIZATION_LEVEL'], measures: ['amount', 'guests'] }),
    );
    const department = result.groups.find((g) => g.key.ORGANIZATION_LEVEL === 'DEPARTMENT')!;
    expect(department.count).toBe(3);
    expect(department.measures.amount).toEqual({ sum: '1300.30', values: 3, min: '100.10', max: '1000.00' });
    expect(department.measures.guests).toEqual({ sum: '26', values: 3, min: '4', max: '12' });
    expect(result.groups.find((g) => g.key.ORGANIZATION_LEVEL === 'TOWN')!.measures.amount!.sum).toBe('9.99');
  });

  it('sums a thousand 0.10 元 lines to exactly 100.00', async () => {
    const result = await analyticsOf(stores).aggregate(request({ kind: 'EXPENSE', filter: { organizationIds: [DEPT_C], yearFrom: 2016 }, measures: ['amount'] }));
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]!.measures.amount!.sum).toBe('100.00');
    expect(Array.from({ length: 1000 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(100);
  });

  it('counts nullable measures only where the records have them', async () => {
    const result = await analyticsOf(stores).aggregate(request({ kind: 'EXPENSE', filter: { yearFrom: 2015, yearTo: 2015, phases: ['FINAL'] }, measures: ['vehiclesHeld', 'receptions'] }));
    expect(result.groups[0]!.count).toBe(5);
    expect(result.groups[0]!.measures.vehiclesHeld).toEqual({ sum: '2', values: 1, min: '2', max: '2' });
    expect(result.groups[0]!.measures.receptions).toEqual({ sum: '7', values: 4, min: '1', max: '3' });
  });

  it('sums procurement per supplier from active awards only, and per method', async () => {
    const analytics = analyticsOf(stores);
    const bySupplier = await analytics.aggregate(request({ kind: 'PROCUREMENT', groupBy: ['SUPPLIER'], measures: ['awardValue'] }));
    expect(table(bySupplier.groups, ['SUPPLIER'], ['awardValue'])).toEqual({ [SUPPLIER_1]: [2, '14200.00'], [SUPPLIER_2]: [2, '6700.00'] });
    const byMethod = await analytics.aggregate(request({ kind: 'PROCUREMENT', groupBy: ['PROCUREMENT_METHOD'], measures: ['tenderValue', 'awardValue', 'tenderers'] }));
    expect(table(byMethod.groups, ['PROCUREMENT_METHOD'], ['tenderValue', 'awardValue', 'tenderers'])).toEqual({
      open: [2, '15000.00', '14200.00', '7'],
      direct: [1, '2000.00', '2000.00', '1'],
    });
  });

  it('groups allocations by quarter from their dates', async () => {
    const result = await analyticsOf(stores).aggregate(request({ kind: 'ALLOCATION', groupBy: ['QUARTER'], measures: ['amount'] }));
    expect(table(result.groups, ['QUARTER'], ['amount'])).toEqual({ '1': [1, '1000.50'], '3': [2, '2300.25'] });
  });

  it('counts appointments by action and month', async () => {
    const result = await analyticsOf(stores).aggregate(request({ kind: 'APPOINTMENT', groupBy: ['ACTION', 'MONTH'] }));
    expect(table(result.groups, ['ACTION', 'MONTH'], [])).toEqual({ 'APPOINT|1': [1], 'DISMISS|1': [1], 'APPOINT|4': [1] });
  });

  it('counts catalog items of every store by category and by month in China time', async () => {
    const analytics = analyticsOf(stores);
    const byCategory = await analytics.aggregate(request({ kind: 'CATALOG_ITEM', groupBy: ['CATEGORY'] }));
    expect(table(byCategory.groups, ['CATEGORY'], [])).toEqual({ FISCAL_FUNDS: [5], ORGANIZATION_PERSONNEL: [3], WORK_NEWS: [2] });
    const byMonth = await analytics.aggregate(request({ kind: 'CATALOG_ITEM', groupBy: ['MONTH'], filter: { yearFrom: 2015, yearTo: 2015 } }));
    expect(table(byMonth.groups, ['MONTH'], [])).toEqual({ '1': [4], '2': [2], '3': [2], '4': [1], '5': [1] });
  });

  it('matches filter strings that look like operators as data', async () => {
    const analytics = analyticsOf(stores);
    for (const text of ['{"$gt":""}', '$where', '{"$ne":null}', '.*']) {
      const results = await Promise.all([
        analytics.aggregate(request({ kind: 'ALLOCATION', filter: { purpose: text } })),
        analytics.aggregate(request({ kind: 'ALLOCATION', filter: { recipientProject: text } })),
        analytics.aggregate(request({ kind: 'PROCUREMENT', filter: { procurementMethodDetails: text } })),
        analytics.aggregate(request({ kind: 'APPOINTMENT', filter: { documentNumber: text } })),
        analytics.aggregate(request({ kind: 'EXPENSE', filter: { organizationIds: [text] } })),
      ]);
      for (const result of results) expect(result.groups).toEqual([]);
    }
  });

  it('stops an aggregation at its time limit with STORE_TIME_LIMIT_EXCEEDED', async () => {
    const slow = new StoreAnalytics(stores, { timeLimitMS: 1 });
    const error = await slow
      .aggregate(request({ kind: 'EXPENSE', groupBy: ['ORGANIZATION', 'MONTH', 'EXPENSE_ITEM', 'BUDGET_PHASE'], measures: ['amount', 'guests', 'receptions'] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreTimeLimitError);
    expect((error as StoreTimeLimitError).code).toBe('STORE_TIME_LIMIT_EXCEEDED');
    expect((error as StoreTimeLimitError).source).toBe('finance');
  });
});
