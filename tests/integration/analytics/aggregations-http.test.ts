/** The analysts' aggregations over HTTP with an analyst key, against hand-computed answers on the fixture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { loadAnalyticsFixture, SUPPLIER_1 } from './analytics-fixture.js';

let gateway: TestGateway;
let analyst: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway();
  await loadAnalyticsFixture(gateway.stores);
  analyst = await issueKey(gateway, { role: 'analyst', label: 'analytics test' });
});

afterAll(async () => {
  await gateway?.stop();
});

async function ask<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
  const result = await gateway.graphql<T>(query, variables, analyst.headers);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('aggregations over HTTP', () => {
  it('sums a year of receptions by organization and month, with organizations resolved through the loaders', async () => {
    const data = await ask<{ threePublicExpenseAggregate: { groups: Array<{ key: { organization: { name: string } | null; month: number }; count: number; amount: { sum: string } }>; total: { amount: { sum: string }; count: number }; groupCount: number; complete: boolean } }>(
      `query { threePublicExpenseAggregate(filter: { yearFrom: 2015, yearTo: 2015, phases: [FINAL], items: [OFFICIAL_RECEPTION] }, groupBy: [ORGANIZATION, MONTH]) {
        groups { key { organization { name } month } count amount { sum } } total { count amount { sum } } groupCount complete } }`,
    );
    const result = data.threePublicExpenseAggregate;
    // By key: organization ids an-dept-a < an-dept-b < an-town, then month.
    expect(result.groups.map((g) => [g.key.organization?.name, g.key.month, g.amount.sum])).toEqual([
      ['甲办', 1, '100.10'],
      ['甲办', 2, '200.20'],
      ['乙办', 1, '1000.00'],
      ['分析镇', 1, '9.99'],
    ]);
    expect(result.total).toEqual({ count: 4, amount: { sum: '1310.29' } });
    expect(result.groupCount).toBe(4);
    expect(result.complete).toBe(true);
  });

  it('averages a level from the total sum and count, not from the organizations\' averages', async () => {
    const data = await ask<{ threePublicExpenseAggregate: { groups: Array<{ key: { organizationLevel: string }; amount: { average: string; sum: string; count: number } }> } }>(
      `query { threePublicExpenseAggregate(filter: { yearFrom: 2015, yearTo: 2015, phases: [FINAL], items: [OFFICIAL_RECEPTION] }, groupBy: [ORGANIZATION_LEVEL]) {
        groups { key { organizationLevel } amount { sum count average } } } }`,
    );
    const department = data.threePublicExpenseAggregate.groups.find((g) => g.key.organizationLevel === 'DEPARTMENT')!;
    // 1300.30 / 3 = 433.43; the average of the departments' averages (150.15 and 1000.00) would be 575.08.
    expect(department.amount).toEqual({ sum: '1300.30', count: 3, average: '433.43' });
  });

  it('keeps 1,000 amounts of 0.10 元 exact, also in 万元', async () => {
    const data = await ask<{ threePublicExpenseAggregate: { total: { amount: { sum: string; wan: string; average: string }; receptions: { sum: number; average: string } } } }>(
      `query { threePublicExpenseAggregate(filter: { yearFrom: 2016, yearTo: 2016 }) { total { amount { sum wan: sum(unit: WAN_YUAN) average } receptions { sum average } } } }`,
    );
    expect(data.threePublicExpenseAggregate.total).toEqual({ amount: { sum: '100.00', wan: '0.010000', average: '0.10' }, receptions: { sum: 1000, average: '1.0000' } });
  });

  it('ranks suppliers by award value, suppliers resolved to graph objects', async () => {
    const data = await ask<{ procurementAggregate: { groups: Array<{ key: { supplier: { id: string; name: string } }; awardValue: { sum: string } }> } }>(
      `query { procurementAggregate(groupBy: [SUPPLIER], orderBy: { by: SUM, measure: AWARD_VALUE, direction: DESC }, first: 1) { groups { key { supplier { id name } } awardValue { sum } } } }`,
    );
    expect(data.procurementAggregate.groups).toEqual([{ key: { supplier: { id: Buffer.from(`Supplier:${SUPPLIER_1}`).toString('base64url'), name: '甲公司' } }, awardValue: { sum: '14200.00' } }]);
  });

  it('counts catalog items of every store by category', async () => {
    const data = await ask<{ catalogItemAggregate: { groups: Array<{ key: { category: string }; count: number }>; total: { count: number } } }>(
      `query { catalogItemAggregate(groupBy: [CATEGORY]) { groups { key { category } count } total { count } } }`,
    );
    expect(data.catalogItemAggregate.groups).toEqual([
      { key: { category: 'FISCAL_FUNDS' }, count: 5 },
      { key: { category: 'ORGANIZATION_PERSONNEL' }, count: 3 },
      { key: { category: 'WORK_NEWS' }, count: 2 },
    ]);
    expect(data.catalogItemAggregate.total.count).toBe(10);
  });

  it('counts appointments per deciding organization and allocations per recipient', async () => {
    const data = await ask<{ appointmentAggregate: { groups: Array<{ key: { action: string }; count: number }> }; fundAllocationAggregate: { groups: Array<{ key: { recipientOrganization: { name: string } | null }; amount: { sum: string; min: string; max: string } }> } }>(
      `query { appointmentAggregate(groupBy: [ACTION], filter: { yearFrom: 2015 }) { groups { key { action } count } }
               fundAllocationAggregate(groupBy: [RECIPIENT_ORGANIZATION]) { groups { key { recipientOrganization { name } } amount { sum min max } } } }`,
    );
    expect(data.appointmentAggregate.groups).toEqual([{ key: { action: 'APPOINT' }, count: 2 }, { key: { action: 'DISMISS' }, count: 1 }]);
    expect(data.fundAllocationAggregate.groups).toEqual([
      { key: { recipientOrganization: null }, amount: { sum: '300.25', min: '300.25', max: '300.25' } },
      { key: { recipientOrganization: { name: '丁村' } }, amount: { sum: '3000.50', min: '1000.50', max: '2000.00' } },
    ]);
  });

  it('compares budget with final and a year with the one before, with rates as the descriptions say', async () => {
    const data = await ask<{ threePublicBudgetVsFinal: { rows: unknown[] }; threePublicYearOverYear: { rows: unknown[] }; threePublicVehicleRunningCosts: { rows: unknown[] } }>(
      `query { threePublicBudgetVsFinal(year: 2015) { rows { item budget final difference rate } }
               threePublicYearOverYear(year: 2015) { rows { item previous current difference rate } }
               threePublicVehicleRunningCosts(year: 2015) { rows { organization { name } runningCost vehiclesHeld costPerVehicle } } }`,
    );
    expect(data.threePublicBudgetVsFinal.rows).toEqual([
      { item: 'OFFICIAL_RECEPTION', budget: '1200.00', final: '1310.29', difference: '110.29', rate: '0.0919' },
      { item: 'VEHICLE_OPERATION', budget: '0.00', final: '50.00', difference: '50.00', rate: null },
    ]);
    expect(data.threePublicYearOverYear.rows).toEqual([
      { item: 'OFFICIAL_RECEPTION', previous: '750.00', current: '1310.29', difference: '560.29', rate: '0.7471' },
      { item: 'VEHICLE_OPERATION', previous: '90.00', current: '50.00', difference: '-40.00', rate: '-0.4444' },
    ]);
    expect(data.threePublicVehicleRunningCosts.rows).toEqual([{ organization: { name: '甲办' }, runningCost: '50.00', vehiclesHeld: 2, costPerVehicle: '25.00' }]);
  });

  it('treats operator-looking text in every string filter as data', async () => {
    const query = `query ($text: String!) {
      a: fundAllocationAggregate(filter: { purpose: $text }) { total { count } }
      b: fundAllocationAggregate(filter: { recipientProject: $text }) { total { count } }
      c: procurementAggregate(filter: { procurementMethodDetails: $text }) { total { count } }
      d: appointmentAggregate(filter: { documentNumber: $text }) { total { count } } }`;
    for (const text of ['{"$gt":""}', '$where', '{"$ne":null}', "'; return true; //", '.*']) {
      const data = await ask<Record<string, { total: { count: number } }>>(query, { text });
      expect(Object.values(data).map((r) => r.total.count)).toEqual([0, 0, 0, 0]);
    }
    for (const id of ['{"$gt":""}', '$where']) {
      const result = await gateway.graphql(`query ($id: ID!) { threePublicExpenseAggregate(filter: { organizationId: $id }) { total { count } } }`, { id }, analyst.headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.argumentName).toBe('filter.organizationId');
    }
    const data = await ask<{ threePublicExpenseAggregate: { total: { count: number } } }>(
      `query ($id: ID!) { threePublicExpenseAggregate(filter: { organizationId: $id }) { total { count } } }`,
      { id: Buffer.from('Organization:{"$gt":""}').toString('base64url') },
    );
    expect(data.threePublicExpenseAggregate.total.count).toBe(0);
  });

  it('refuses bad arguments with BAD_USER_INPUT naming them', async () => {
    const cases: Array<[string, string]> = [
      ['{ threePublicExpenseAggregate(filter: { months: [13] }) { groupCount } }', 'filter.months'],
      ['{ threePublicExpenseAggregate(groupBy: [YEAR, YEAR]) { groupCount } }', 'groupBy'],
      ['{ threePublicExpenseAggregate(first: 10001) { groupCount } }', 'first'],
      ['{ procurementAggregate(orderBy: { by: SUM, measure: AMOUNT }) { groupCount } }', 'orderBy.measure'],
      ['{ fundAllocationAggregate(filter: { dateFrom: "2015-02-30" }) { groupCount } }', 'filter.dateFrom'],
      ['{ threePublicYearOverYear(year: 2015, month: 1, quarter: 1) { complete } }', 'quarter'],
    ];
    for (const [query, argumentName] of cases) {
      const result = await gateway.graphql(query, {}, analyst.headers);
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
  });
});
