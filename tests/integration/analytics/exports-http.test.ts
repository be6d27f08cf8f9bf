/** Exports over HTTP: aggregations, connections and record datasets as CSV and NDJSON, parsed back and compared; permissions, limits and a store down. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDecimal } from '../../../datasources/analytics/decimal-arithmetic.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { loadAnalyticsFixture } from './analytics-fixture.js';
import { readCsv } from './csv-reader.js';

let gateway: TestGateway;
let analyst: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ separateStores: true });
  await loadAnalyticsFixture(gateway.stores);
  analyst = await issueKey(gateway, { role: 'analyst', label: 'exports test' });
});

afterAll(async () => {
  await gateway?.stop();
});

function postExport(body: Record<string, unknown>, headers: Record<string, string> = analyst.headers) {
  return gateway.fetch('/exports', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const BY_MONTH = `query { threePublicExpenseAggregate(filter: { yearFrom: 2015, yearTo: 2015, phases: [FINAL] }, groupBy: [ORGANIZATION, MONTH]) {
  groups { key { organization { name } month } count amount { sum average } } } }`;

describe('exports of queries', () => {
  it('exports an aggregation as CSV with a BOM and Chinese and English headers, equal to the query\'s own answer', async () => {
    const response = await postExport({ query: BY_MONTH, format: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(new TextDecoder().decode(bytes));
    expect(header).toEqual(['组织机构名称 key.organization.name', '月份 key.month', '数量 count', '金额合计 amount.sum', '金额平均 amount.average']);
    const answer = await gateway.graphql<{ threePublicExpenseAggregate: { groups: Array<{ key: { organization: { name: string }; month: number }; count: number; amount: { sum: string; average: string } }> } }>(
      BY_MONTH,
      {},
      analyst.headers,
    );
    expect(rows).toEqual(answer.data!.threePublicExpenseAggregate.groups.map((g) => [g.key.organization.name, String(g.key.month), String(g.count), g.amount.sum, g.amount.average]));
    expect(rows).toContainEqual(['甲办', '2', '1', '200.20', '200.20']);
  });

  it('exports the same aggregation as NDJSON keyed by the response paths', async () => {
    const response = await postExport({ query: BY_MONTH, format: 'ndjson' });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines).toContainEqual({ 'key.organization.name': '分析镇', 'key.month': 1, count: 1, 'amount.sum': '9.99', 'amount.average': '9.99' });
  });

  it('pages through a connection with $after until the last page', async () => {
    const response = await postExport({
      query: 'query ($after: String) { organizations(first: 2, after: $after) { edges { node { name classification } } pageInfo { hasNextPage endCursor } } }',
      format: 'ndjson',
    });
    const names = (await response.text()).trimEnd().split('\n').map((line) => (JSON.parse(line) as Record<string, string>)['node.name']);
    expect(names.sort()).toEqual(['丁村', '丙办', '乙办', '分析镇', '甲办'].sort());
  });

  it('refuses a query the caller\'s budget does not cover, and a malformed one, before sending anything', async () => {
    const wide = 'query { threePublicExpenseAggregate(first: 10000, groupBy: [ORGANIZATION, MONTH]) { groups { key { organization { name parent { name } } month } amount { sum average min max } guests { sum } } } }';
    const publicResponse = await postExport({ query: wide }, {});
    expect(publicResponse.status).toBe(400);
    expect(((await publicResponse.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 50_000 });
    expect((await postExport({ query: wide })).status).toBe(200);
    const invalid = await postExport({ query: '{ nope }' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const two = await postExport({ query: '{ a: catalogItemAggregate { groupCount } b: catalogItemAggregate { groupCount } }' });
    expect(((await two.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('EXPORT_NOT_SUPPORTED');
  });
});

describe('exports of record datasets', () => {
  it('streams 三公 lines as CSV with exact amounts, leaving out a statement scheduled for later', async () => {
    const response = await gateway.fetch('/exports/three-public-expenses?format=csv&yearFrom=2015&yearTo=2015', { headers: analyst.headers });
    expect(response.status).toBe(200);
    const [header, ...rows] = readCsv(await response.text());
    expect(header).toContain('金额(元) amount');
    const amount = header!.indexOf('金额(元) amount');
    const ids = rows.map((r) => r[0]);
    expect(ids).not.toContain('e-future');
    expect(rows.map((r) => r[amount]).sort()).toEqual(['0.00', '100.10', '1000.00', '200.20', '400.00', '50.00', '800.00', '9.99']);
  });

  it('streams a thousand 0.10 元 lines as NDJSON whose exact sum is 100.00', async () => {
    const response = await gateway.fetch('/exports/three-public-expenses?format=ndjson&yearFrom=2016', { headers: analyst.headers });
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { amount: string; month: number | null });
    expect(lines).toHaveLength(1000);
    expect(lines.reduce((sum, line) => addDecimal(sum, line.amount), '0')).toBe('100.00');
  });

  it('filters by organization and answers bad parameters with BAD_USER_INPUT', async () => {
    const org = Buffer.from('Organization:an-town').toString('base64url');
    const response = await gateway.fetch(`/exports/fund-allocations?format=ndjson&organizationId=${org}`);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; amount: string });
    expect(lines.map((l) => [l.id, l.amount])).toEqual([['al1', '1000.50'], ['al2', '2000.00']]);
    for (const query of ['format=xlsx', 'yearFrom=20x5', 'dateFrom=2015-02-30', 'phases=DRAFT', 'organizationId=%7B%22%24gt%22%3A%22%22%7D']) {
      const bad = await gateway.fetch(`/exports/three-public-expenses?${query}`, { headers: analyst.headers });
      expect(bad.status, query).toBe(400);
      expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await gateway.fetch('/exports/nothing-here')).status).toBe(404);
  });

  it('refuses with SOURCE_UNAVAILABLE when the store is down instead of sending a partial file', async () => {
    await gateway.servers.finance!.stop();
    const dataset = await gateway.fetch('/exports/three-public-expenses?format=csv', { headers: analyst.headers });
    expect(dataset.status).toBe(503);
    expect(((await dataset.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'finance' });
    const query = await postExport({ query: '{ catalogItemAggregate(groupBy: [CATEGORY]) { groups { key { category } count } } }' });
    expect(query.status).toBe(503);
    expect(((await query.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'finance' });
  });
});
