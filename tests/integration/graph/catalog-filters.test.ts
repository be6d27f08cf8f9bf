/**
 * Catalog filters over HTTP: category (code or Chinese name), organization
 * with or without its sub-organizations, publication period, Chinese
 * substring search, and the errors for arguments a client got wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntryDoc } from '../../../datasources/catalog/catalog-entry.js';
import { catalogEntries } from '../../../datasources/demo/demo-catalog.js';
import { demoCollections } from '../../../datasources/demo/index.js';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { CatalogPageDocument, NodeByIdDocument, type CatalogPageQueryVariables } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const catalog = Object.values(demoCollections()).flatMap((store) => store.catalog ?? []);

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

async function ids(filter: CatalogPageQueryVariables['filter']): Promise<string[]> {
  const result = await gateway.graphql(CatalogPageDocument, { first: 200, filter });
  expect(result.errors).toBeUndefined();
  const connection = result.data!.disclosures;
  expect(connection.pageInfo.hasNextPage).toBe(false);
  expect(connection.totalCount).toBe(connection.edges.length);
  return connection.edges.map((e) => e.node.id).sort();
}

function expected(predicate: (entry: (typeof catalog)[number]) => boolean): string[] {
  return catalog
    .filter(predicate)
    .map((entry) => toGlobalId(entry.kind, entry._id))
    .sort();
}

describe('catalog filters', () => {
  it('by category, given as code or as its Chinese name', async () => {
    const byCode = await ids({ categories: ['ORGANIZATION_PERSONNEL'] });
    expect(byCode).toHaveLength(19);
    expect(await ids({ categories: ['机构职能人事任免'] })).toEqual(byCode);
    expect(await ids({ categories: ['FISCAL_FUNDS', 'NOTICES'] })).toEqual(expected((e) => e.category === 'FISCAL_FUNDS' || e.category === 'NOTICES'));
  });

  it('by organization alone, or with its departments and villages', async () => {
    const town = toGlobalId('Organization', 'org-neicuo');
    expect(await ids({ organizationId: town })).toEqual(expected((e) => e.organizationId === 'org-neicuo'));
    const everything = await gateway.graphql(CatalogPageDocument, { first: 1, filter: { organizationId: town, includeSubOrganizations: true } });
    expect(everything.data!.disclosures.totalCount).toBe(catalog.length);
    const district = toGlobalId('Organization', 'org-xiangan');
    expect(await ids({ organizationId: district })).toEqual([]);
    const finance = toGlobalId('Organization', 'org-neicuo-czs');
    expect(await ids({ organizationId: finance, kinds: ['FundAllocation'] })).toHaveLength(85);
  });

  it('by publication period, from inclusive to exclusive', async () => {
    const from = '2015-03-27T02:00:00.000Z';
    const to = '2015-04-01T00:00:00.000Z';
    const found = await ids({ publishedFrom: from, publishedTo: to });
    expect(found).toEqual(expected((e) => e.publishedAt >= new Date(from) && e.publishedAt < new Date(to)));
    expect(found.length).toBeGreaterThan(2);
  });

  it.each(['征地', '公务接待', '苏迪罗', '19073', '内厝镇财政所', '村'])('search for "%s" finds exactly the records containing it', async (query) => {
    const found = await ids({ search: query });
    expect(found).toEqual(expected((e) => e.searchText.includes(query)));
    expect(found.length).toBeGreaterThan(0);
  });

  it('search spans stores: 征地 finds documents and fund allocations', async () => {
    const result = await gateway.graphql(CatalogPageDocument, { first: 50, filter: { search: '征地' } });
    const kinds = new Set(result.data!.disclosures.edges.map((e) => e.node.__typename));
    expect(kinds).toEqual(new Set(['FundAllocation', 'PolicyDocument', 'Interpretation', 'LandRequisitionNotice', 'PortalArticle', 'Broadcast']));
  });

  it('search for text nobody wrote finds nothing, even when every character occurs', async () => {
    expect(await ids({ search: '接待公务' })).toEqual([]);
  });

  it('combines filters', async () => {
    const found = await ids({ search: '征地', kinds: ['FundAllocation'], publishedTo: '2015-08-01T00:00:00.000Z' });
    expect(found).toEqual(expected((e) => e.kind === 'FundAllocation' && e.searchText.includes('征地') && e.publishedAt < new Date('2015-08-01T00:00:00Z')));
    expect(found).toHaveLength(2);
  });
});

describe('visibility', () => {
  it('a record scheduled for later stays out of the catalog and node lookups until its time', async () => {
    const publish = async (id: string, publishedAt: Date) => {
      const [entry] = catalogEntries([
        { id, kind: 'PublishedDocument', title: `定时发布测试${id}`, category: 'NOTICES', organizationId: 'org-neicuo-dzb', publishedAt, channels: ['TOWN_PORTAL'], text: '' },
      ]);
      await gateway.stores.connections.office.run(async (db) => {
        await db.collection<CatalogEntryDoc>('catalog').insertOne(entry!);
        await db.collection<{ _id: string }>('documents').insertOne({ _id: id, documentType: 'NOTICE', documentNumber: null, body: '' } as never);
      });
    };
    await publish('doc-scheduled', new Date(Date.now() + 3_600_000));
    await publish('doc-just-published', new Date(Date.now() - 1_000));
    try {
      expect(await ids({ search: '定时发布测试' })).toEqual([toGlobalId('PublishedDocument', 'doc-just-published')]);
      const scheduled = await gateway.graphql(NodeByIdDocument, { id: toGlobalId('PublishedDocument', 'doc-scheduled') });
      expect(scheduled.data!.node).toBeNull();
      const published = await gateway.graphql(NodeByIdDocument, { id: toGlobalId('PublishedDocument', 'doc-just-published') });
      expect(published.data!.node).toMatchObject({ __typename: 'PublishedDocument' });
    } finally {
      await gateway.stores.connections.office.run(async (db) => {
        await db.collection<CatalogEntryDoc>('catalog').deleteMany({ _id: { $in: ['doc-scheduled', 'doc-just-published'] } });
        await db.collection<{ _id: string }>('documents').deleteMany({ _id: { $in: ['doc-scheduled', 'doc-just-published'] } });
      });
    }
  });
});

describe('arguments a client got wrong', () => {
  it.each([
    [{ first: 201 }, 'first'],
    [{ last: 500 }, 'last'],
    [{ first: 5, last: 5 }, 'last'],
    [{ first: 5, after: 'not-a-cursor' }, 'after'],
    [{ last: 5, before: 'eyJmb28iOjF9' }, 'before'],
    [{ filter: { categories: ['人事'] } }, 'filter.categories'],
    [{ filter: { organizationId: 'xyz' } }, 'filter.organizationId'],
    [{ filter: { search: '   ' } }, 'filter.search'],
  ] as Array<[CatalogPageQueryVariables, string]>)('%j answers BAD_USER_INPUT naming %s', async (variables, argumentName) => {
    const result = await gateway.graphql(CatalogPageDocument, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});
