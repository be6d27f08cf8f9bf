/**
 * The federated catalog pages exactly across stores: walking forward and
 * backward visits every record once, in the order asked for, and a cursor
 * keeps its place while records are inserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPageDocument, type CatalogPageQuery, type CatalogPageQueryVariables } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { DISCLOSURE_KINDS, type CatalogEntryDoc } from '../../../datasources/catalog/catalog-entry.js';
import { catalogEntries, chinaTime } from '../../../datasources/demo/demo-catalog.js';


let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

type Edge = CatalogPageQuery['disclosures']['edges'][number];

async function page(variables: CatalogPageQueryVariables): Promise<CatalogPageQuery['disclosures']> {
  const result = await gateway.graphql(CatalogPageDocument, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.disclosures;
}

async function walkForward(size: number, variables: CatalogPageQueryVariables = {}): Promise<Edge[]> {
  const edges: Edge[] = [];
  let after: string | null | undefined;
  for (;;) {
    const current = await page({ ...variables, first: size, after });
    edges.push(...current.edges);
    if (!current.pageInfo.hasNextPage) return edges;
    after = current.pageInfo.endCursor;
  }
}

async function walkBackward(size: number, variables: CatalogPageQueryVariables = {}): Promise<Edge[]> {
  const edges: Edge[] = [];
  let before: string | null | undefined;
  for (;;) {
    const current = await page({ ...variables, last: size, before });
    edges.unshift(...current.edges);
    if (!current.pageInfo.hasPreviousPage) return edges;
    before = current.pageInfo.startCursor;
  }
}

describe('paging the catalog across stores', () => {
  it('forward in pages of 7 visits every record once, newest first, records of every store interleaved', async () => {
    const total = (await page({ first: 1 })).totalCount!;
    const edges = await walkForward(7);
    const ids = edges.map((e) => e.node.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const times = edges.map((e) => Date.parse(e.node.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const edge of edges) expect(edge.node.kind).toBe(edge.node.__typename);
    expect(new Set(edges.map((e) => e.node.__typename))).toEqual(new Set(DISCLOSURE_KINDS));
  });

  it('backward in pages of 9 visits the same records in the same order', async () => {
    const forward = (await walkForward(50)).map((e) => e.node.id);
    const backward = (await walkBackward(9)).map((e) => e.node.id);
    expect(backward).toEqual(forward);
  });

  it('a page after a cursor and the page before the next cursor meet without gap or overlap', async () => {
    const first = await page({ first: 10 });
    const second = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = await page({ last: 10, before: second.edges[0]!.cursor });
    expect(back.edges.map((e) => e.node.id)).toEqual(first.edges.map((e) => e.node.id));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
    expect(back.pageInfo.hasNextPage).toBe(true);
  });

  it('orders by index number ascending when asked, paging just as exactly', async () => {
    const orderBy = { field: 'INDEX_NUMBER', direction: 'ASC' } as const;
    const edges = await walkForward(30, { orderBy });
    const numbers = edges.map((e) => e.node.indexNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect((await walkBackward(30, { orderBy })).map((e) => e.node.id)).toEqual(edges.map((e) => e.node.id));
  });

  it('a cursor from one order is refused under another', async () => {
    const first = await page({ first: 2 });
    const result = await gateway.graphql(CatalogPageDocument, { first: 2, after: first.pageInfo.endCursor, orderBy: { field: 'INDEX_NUMBER', direction: 'ASC' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('keeps its place while records are inserted into several stores during the walk', async () => {
    const before = (await walkForward(50)).map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | null | undefined;
    let inserted = false;
    for (;;) {
      const current = await page({ first: 25, after });
      seen.push(...current.edges.map((e) => e.node.id));
      if (!inserted) {
        // New records: one newer than anything (lands before the cursor), one older than anything (still ahead).
        const fresh = catalogEntries([
          { id: 'doc-late-insert', kind: 'PublishedDocument', title: '新插入的工作动态', category: 'WORK_NEWS', organizationId: 'org-neicuo', publishedAt: chinaTime('2016-01-05'), channels: ['TOWN_PORTAL'], text: '' },
          { id: 'alloc-early-insert', kind: 'FundAllocation', title: '补录的下拨资金', category: 'FISCAL_FUNDS', organizationId: 'org-neicuo-czs', publishedAt: chinaTime('2012-12-01'), channels: ['TOWN_PORTAL'], text: '' },
        ]);
        await gateway.stores.connections.office.run((db) => db.collection<CatalogEntryDoc>('catalog').insertOne(fresh[0]!));
        await gateway.stores.connections.finance.run((db) => db.collection<CatalogEntryDoc>('catalog').insertOne(fresh[1]!));
        await gateway.stores.connections.finance.run((db) =>
          db.collection('fundAllocations').insertOne({ _id: 'alloc-early-insert' as never, payerId: 'org-neicuo-czs', recipientOrganizationId: null, recipientProject: '补录项目', purpose: '补录', amount: '1.00', date: '2012-11-28', documentNumber: null }),
        );
        await gateway.stores.connections.office.run((db) =>
          db.collection('documents').insertOne({ _id: 'doc-late-insert' as never, documentType: 'NEWS', documentNumber: null, body: '' }),
        );
        inserted = true;
      }
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    const olderInsert = seen.filter((id) => !before.includes(id));
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(olderInsert).toHaveLength(1);
    expect(seen[seen.length - 1]).toBe(olderInsert[0]);
    expect(new Set(seen).size).toBe(seen.length);
    await gateway.stores.connections.office.run((db) => db.collection<CatalogEntryDoc>('catalog').deleteOne({ _id: 'doc-late-insert' }));
    await gateway.stores.connections.finance.run((db) => db.collection<CatalogEntryDoc>('catalog').deleteOne({ _id: 'alloc-early-insert' }));
  });
});
