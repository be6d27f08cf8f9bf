/** Budget against final, year over year and cost per vehicle over the fixture, against hand-computed figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsOf } from '../../../datasources/analytics/analytics-service.js';
import { ExpenseComparisons } from '../../../datasources/analytics/expense-comparisons.js';
import { openStores, type Stores } from '../../../datasources/index.js';
import { startTestMongo, type TestMongo } from '../../helpers/mongo.js';
import { DEPT_A, DEPT_B, loadAnalyticsFixture, NOW, TOWN } from './analytics-fixture.js';

let mongo: TestMongo;
let stores: Stores;
let comparisons: ExpenseComparisons;

beforeAll(async () => {
  mongo = await startTestMongo();
  const config = (store: string) => ({ uri: mongo.uri, dbName: mongo.dbName(store), timeoutMS: 5_000 });
  stores = await openStores({ finance: config('finance'), procurement: config('procurement'), personnel: config('personnel'), office: config('office') });
  await loadAnalyticsFixture(stores);
  comparisons = new ExpenseComparisons(analyticsOf(stores));
});

afterAll(async () => {
  await stores.close();
  await mongo.stop();
});

describe('三公 comparisons', () => {
  it('compares budget with final per item; a zero budget gives no rate', async () => {
    const { rows } = await comparisons.budgetVsFinal({}, 2015, false, NOW);
    expect(rows).toEqual([
      // Budget 400 + 800; final 300.30 (A, two months) + 1000.00 (B) + 9.99 (town, no budget line).
      { key: { EXPENSE_ITEM: 'OFFICIAL_RECEPTION' }, base: '1200.00', value: '1310.29', difference: '110.29', rate: '0.0919' },
      { key: { EXPENSE_ITEM: 'VEHICLE_OPERATION' }, base: '0.00', value: '50.00', difference: '50.00', rate: null },
    ]);
  });

  it('compares budget with final per organization; a missing budget gives no difference', async () => {
    const { rows } = await comparisons.budgetVsFinal({}, 2015, true, NOW);
    const reception = rows.filter((r) => r.key.EXPENSE_ITEM === 'OFFICIAL_RECEPTION');
    expect(reception).toEqual([
      { key: { ORGANIZATION: DEPT_A, EXPENSE_ITEM: 'OFFICIAL_RECEPTION' }, base: '400.00', value: '300.30', difference: '-99.70', rate: '-0.2493' },
      { key: { ORGANIZATION: DEPT_B, EXPENSE_ITEM: 'OFFICIAL_RECEPTION' }, base: '800.00', value: '1000.00', difference: '200.00', rate: '0.2500' },
      { key: { ORGANIZATION: TOWN, EXPENSE_ITEM: 'OFFICIAL_RECEPTION' }, base: null, value: '9.99', difference: null, rate: null },
    ]);
  });

  it('compares a year of finals with the year before, monthly lines against an annual one', async () => {
    const { rows } = await comparisons.yearOverYear({ phases: ['FINAL'] }, 2015, null, ['EXPENSE_ITEM'], NOW);
    expect(rows).toEqual([
      { key: { EXPENSE_ITEM: 'OFFICIAL_RECEPTION' }, base: '750.00', value: '1310.29', difference: '560.29', rate: '0.7471' },
      { key: { EXPENSE_ITEM: 'VEHICLE_OPERATION' }, base: '90.00', value: '50.00', difference: '-40.00', rate: '-0.4444' },
    ]);
  });

  it('compares January with January a year earlier (no monthly lines in 2014: no base)', async () => {
    const { rows } = await comparisons.yearOverYear({ phases: ['FINAL'] }, 2015, [1], ['ORGANIZATION'], NOW);
    expect(rows.find((r) => r.key.ORGANIZATION === DEPT_B)).toEqual({ key: { ORGANIZATION: DEPT_B }, base: null, value: '1000.00', difference: null, rate: null });
  });

  it('divides running cost by the vehicles held, never summing the stock', async () => {
    expect((await comparisons.vehicleCosts({}, 2015, 'FINAL', NOW)).rows).toEqual([{ organizationId: DEPT_A, runningCost: '50.00', vehiclesHeld: 2, costPerVehicle: '25.00' }]);
    expect((await comparisons.vehicleCosts({}, 2014, 'FINAL', NOW)).rows).toEqual([{ organizationId: DEPT_A, runningCost: '90.00', vehiclesHeld: 3, costPerVehicle: '30.00' }]);
    expect((await comparisons.vehicleCosts({}, 2015, 'BUDGET', NOW)).rows).toEqual([{ organizationId: DEPT_A, runningCost: '0.00', vehiclesHeld: 2, costPerVehicle: '0.00' }]);
  });
});
