/**
 * Cached aggregations over the real gateway: analysts share one partition
 * of the response cache (the public another; departments none), and a
 * published change drops the aggregations of its kind only, even when a
 * kept answer names the organization that published it; an aggregation
 * reaching other records under its group keys goes on every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import type { TestGateway } from '../../helpers/gateway.js';
import { DIRECT_PUBLISHER as PLANNING, publicRead, pushNewAllocation, startCachingGateway } from '../../helpers/public-cache.js';

const ALLOCATIONS = '{ fundAllocationAggregate(filter: { yearFrom: 2015, yearTo: 2015 }, groupBy: [ORGANIZATION]) { total { count amount { sum } } groups { key { organization { id name } } count } } }';
const EXPENSES = '{ threePublicExpenseAggregate(groupBy: [ORGANIZATION]) { total { count amount { sum } } groups { key { organization { id name } } count } } }';
/** The same allocations, with each organization's catalog count under its key: it depends on catalogs of every kind. */
const ALLOCATIONS_WITH_CATALOGS =
  '{ fundAllocationAggregate(filter: { yearFrom: 2015, yearTo: 2015 }, groupBy: [ORGANIZATION]) { total { count } groups { key { organization { id disclosures(first: 0) { totalCount } } } } } }';

interface Aggregate {
  total: { count: number; amount?: { sum: string } };
  groups: Array<{ key: { organization: { id: string } | null } }>;
}

let gateway: TestGateway;
let department: IssuedKey;
let analysts: IssuedKey[];

beforeAll(async () => {
  ({ gateway, department } = await startCachingGateway());
  analysts = [await issueKey(gateway, { role: 'analyst', label: '统计分析甲' }), await issueKey(gateway, { role: 'analyst', label: '统计分析乙' })];
});

afterAll(async () => {
  await gateway?.stop();
});

async function read(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data: Record<string, Aggregate>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { cache: response.headers.get('x-cache'), aggregate: Object.values(body.data)[0]! };
}

/** The planning office's global id, as group keys name it. */
const PLANNING_ID = Buffer.from(`Organization:${PLANNING}`).toString('base64url');

async function pushExpenses() {
  const pushed = await gateway.graphql(
    `mutation($records: [ThreePublicExpenseStatementPushInput!]!) { pushThreePublicExpenseStatements(records: $records) { totals { created } } }`,
    { records: [{ sourceId: 'aggregation-s', version: 1, organizationId: PLANNING, phase: 'FINAL', year: 2015, month: 12, title: '规建办2015年12月三公经费', items: [{ item: 'OFFICIAL_RECEPTION', amount: '250.50', receptions: 2, guests: 9 }] }] },
    department.headers,
  );
  expect(pushed.data).toEqual({ pushThreePublicExpenseStatements: { totals: { created: 1 } } });
}

describe('cached aggregations and published changes', () => {
  it('answers every analyst from one partition, apart from the public, and never a department', async () => {
    const [first, second] = analysts;
    expect((await read(EXPENSES, first!.headers)).cache).toBe('MISS');
    expect((await read(EXPENSES, second!.headers)).cache).toBe('HIT');
    expect((await publicRead(gateway, EXPENSES)).cache).toBe('MISS');
    expect((await publicRead(gateway, EXPENSES)).cache).toBe('HIT');
    expect((await read(EXPENSES, department.headers)).cache).toBeNull();
    expect((await read(EXPENSES, department.headers)).cache).toBeNull();
  });

  it('drops the aggregations of a changed kind only, and those that reach catalogs under their keys', async () => {
    const analyst = analysts[0]!.headers;
    // The planning office's own 三公 statement, so that the expense answer names the office that will publish an allocation.
    await pushExpenses();
    const allocationsBefore = (await read(ALLOCATIONS, analyst)).aggregate;
    const expensesBefore = (await read(EXPENSES, analyst)).aggregate;
    expect(expensesBefore.groups.map((group) => group.key.organization?.id)).toContain(PLANNING_ID);
    const catalogsBefore = (await read(ALLOCATIONS_WITH_CATALOGS, analyst)).aggregate;
    expect((await read(ALLOCATIONS, analyst)).cache).toBe('HIT');
    expect((await read(ALLOCATIONS_WITH_CATALOGS, analyst)).cache).toBe('HIT');

    await pushNewAllocation(gateway, department, 'aggregation-1');

    // The 三公 answer is kept: no expense changed, though the planning office it may name published.
    const expenses = await read(EXPENSES, analyst);
    expect(expenses.cache).toBe('HIT');
    expect(expenses.aggregate).toEqual(expensesBefore);
    const allocations = await read(ALLOCATIONS, analyst);
    expect(allocations.cache).toBe('MISS');
    expect(allocations.aggregate.total.count).toBe(allocationsBefore.total.count + 1);
    expect(allocations.aggregate.groups.map((group) => group.key.organization?.id)).toContain(PLANNING_ID);
    const catalogs = await read(ALLOCATIONS_WITH_CATALOGS, analyst);
    expect(catalogs.cache).toBe('MISS');
    expect(catalogs.aggregate.total.count).toBe(catalogsBefore.total.count + 1);
  });
});
