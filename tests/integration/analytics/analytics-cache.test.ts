/**
 * The cache of merged aggregation groups over the fixture in the embedded
 * store: an answer asked again comes from the cache (a record written behind
 * the gateway's back is not seen) until a change of its kind is announced,
 * the next scheduled publication becomes visible, or the entry's time runs
 * out; a change of another kind keeps it.
 */
import { Decimal128 } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreAnalytics } from '../../../datasources/analytics/analytics-service.js';
import type { AggregateGroup, AggregationRequest } from '../../../datasources/analytics/analytics-request.js';
import { EXPENSES } from '../../../datasources/finance/finance-store.js';
import { openStores, type Stores } from '../../../datasources/index.js';
import { startTestMongo, type TestMongo } from '../../helpers/mongo.js';
import { DEPT_A, DEPT_B, loadAnalyticsFixture, NOW } from './analytics-fixture.js';

let mongo: TestMongo;
let stores: Stores;
let analytics: StoreAnalytics;

beforeAll(async () => {
  mongo = await startTestMongo();
  const config = (store: string) => ({ uri: mongo.uri, dbName: mongo.dbName(store), timeoutMS: 5_000 });
  stores = await openStores({ finance: config('finance'), procurement: config('procurement'), personnel: config('personnel'), office: config('office') });
});

beforeEach(async () => {
  await loadAnalyticsFixture(stores);
  analytics?.cache?.close();
  analytics = new StoreAnalytics(stores, { cache: { ttlMs: 60_000, maxGroups: 1_000 } });
});

afterAll(async () => {
  analytics?.cache?.close();
  await stores.close();
  await mongo.stop();
});

/** The fixture's scheduled statement becomes visible at this time. */
const SCHEDULED = new Date('2099-01-01T00:00:00+08:00');

const finals = (visibleAt: Date = NOW): AggregationRequest => ({
  kind: 'EXPENSE',
  filter: { yearFrom: 2015, yearTo: 2015, phases: ['FINAL'] },
  groupBy: ['ORGANIZATION', 'MONTH'],
  measures: ['amount'],
  visibleAt,
});

const sums = (groups: AggregateGroup[]) => Object.fromEntries(groups.map((g) => [`${g.key.ORGANIZATION}|${g.key.MONTH}`, g.measures.amount!.sum]));

/** A final line written straight into the store, which the gateway is not told of. */
async function writeBehindTheGatewaysBack(): Promise<void> {
  await stores.connections.finance.run((db) =>
    db.collection(EXPENSES).insertOne({
      _id: 'e-unannounced', statementId: 'st-unannounced', organizationId: DEPT_B, phase: 'FINAL', year: 2015, month: 6, item: 'OFFICIAL_RECEPTION',
      amount: Decimal128.fromString('1.00'), groups: null, travellers: null, vehiclesPurchased: null, vehiclesHeld: null, receptions: null, guests: null,
    } as never),
  );
}

describe('the analytics cache', () => {
  it('answers a question asked again without the stores, until a change of its kind is announced', async () => {
    const first = await analytics.aggregate(finals());
    await writeBehindTheGatewaysBack();
    const again = await analytics.aggregate(finals());
    expect(again.groups).toBe(first.groups);
    expect(sums(again.groups)[`${DEPT_B}|6`]).toBeUndefined();
    expect(analytics.cache!.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });

    // Allocations, an application: not the kind summed here.
    stores.changes.publish({ store: 'finance', recordIds: ['x'], organizationIds: [DEPT_A], kinds: ['FundAllocation'], searchTerms: [] });
    stores.changes.publish({ store: 'office', recordIds: ['y'], organizationIds: [DEPT_A], kinds: [], searchTerms: [] });
    expect((await analytics.aggregate(finals())).groups).toBe(first.groups);

    stores.changes.publish({ store: 'finance', recordIds: ['st-unannounced'], organizationIds: [DEPT_B], kinds: ['ThreePublicExpenseStatement'], searchTerms: [] });
    const after = await analytics.aggregate(finals());
    expect(sums(after.groups)[`${DEPT_B}|6`]).toBe('1.00');
  });

  it('asks the stores again once the next scheduled publication is visible, and for an earlier clock', async () => {
    const before = await analytics.aggregate(finals());
    expect(sums(before.groups)[`${DEPT_A}|3`]).toBeUndefined();
    // Just before the scheduled time the entry still answers.
    expect((await analytics.aggregate(finals(new Date(SCHEDULED.getTime() - 1)))).groups).toBe(before.groups);

    const visible = await analytics.aggregate(finals(SCHEDULED));
    expect(sums(visible.groups)[`${DEPT_A}|3`]).toBe('7777.00');

    // The entry now holds the answer from the scheduled time on; an earlier clock is not answered from it.
    const earlier = await analytics.aggregate(finals(NOW));
    expect(sums(earlier.groups)[`${DEPT_A}|3`]).toBeUndefined();
  });

  it('drops catalog-item answers on a change of any kind, but not on an application', async () => {
    const catalog: AggregationRequest = { kind: 'CATALOG_ITEM', filter: {}, groupBy: ['KIND'], measures: [], visibleAt: NOW };
    const first = await analytics.aggregate(catalog);
    stores.changes.publish({ store: 'office', recordIds: ['app-1'], organizationIds: [DEPT_A], kinds: [], searchTerms: [] });
    expect((await analytics.aggregate(catalog)).groups).toBe(first.groups);
    stores.changes.publish({ store: 'personnel', recordIds: ['ap-1'], organizationIds: [DEPT_A], kinds: ['Appointment'], searchTerms: [] });
    const after = await analytics.aggregate(catalog);
    expect(after.groups).not.toBe(first.groups);
    expect(after.groups).toEqual(first.groups);
  });

  it('re-groups a cached answer by organization level on every ask', async () => {
    const byLevel = { ...finals(), groupBy: ['ORGANIZATION_LEVEL' as const] };
    const first = await analytics.aggregate(byLevel);
    const second = await analytics.aggregate(byLevel);
    expect(analytics.cache!.stats().hits).toBe(1);
    expect(second.groups).toEqual(first.groups);
    expect(second.groups.map((g) => g.key.ORGANIZATION_LEVEL).sort()).toEqual(['DEPARTMENT', 'TOWN']);
  });

  it('lets an entry go when its time to live ends', async () => {
    analytics.cache!.close();
    analytics = new StoreAnalytics(stores, { cache: { ttlMs: 1, maxGroups: 1_000 } });
    await analytics.aggregate(finals());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeBehindTheGatewaysBack();
    expect(sums((await analytics.aggregate(finals())).groups)[`${DEPT_B}|6`]).toBe('1.00');
    expect(analytics.cache!.stats()).toMatchObject({ hits: 0, misses: 2 });
  });
});
