/**
 * One store down is not all down: the catalog answers with the other stores'
 * records only (no null items) and one top-level SOURCE_UNAVAILABLE error
 * per missing store at the partial field, whether the store is stopped,
 * slower than its timeout, or fails between the catalog read and the record
 * read; and the gateway recovers without a restart when the store is back.
 */
import net from 'node:net';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { demoCollections } from '../../../datasources/demo/index.js';
import { startEmbeddedMongo } from '../../../src/embedded-mongo/index.js';
import { CatalogPageDocument, CatalogSummaryDocument } from '../../generated/graphql.js';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const started: TestGateway[] = [];
const blackHoles: net.Server[] = [];
const restarted: Array<{ stop(): Promise<void> }> = [];

afterEach(async () => {
  for (const gateway of started.splice(0)) await gateway.stop();
  for (const server of restarted.splice(0)) await server.stop();
});

afterAll(async () => {
  for (const hole of blackHoles) await new Promise((resolve) => hole.close(resolve));
});

/** A TCP server that accepts connections and never answers: a store that hangs. */
async function blackHole(): Promise<string> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  blackHoles.push(server);
  const close = server.close.bind(server);
  server.close = (callback) => {
    sockets.forEach((s) => s.destroy());
    return close(callback);
  };
  return `mongodb://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
}

/** The errors as `[path, source]` pairs, sorted, to compare the whole set at once. */
function partialErrors(errors: readonly GraphQLFormattedError[] | undefined): Array<[string, unknown]> {
  for (const error of errors ?? []) {
    expect(error.extensions?.code).toBe('SOURCE_UNAVAILABLE');
    expect(error.message).toContain(`The ${String(error.extensions?.source)} store`);
    // Neither the driver's text nor an address reaches the client.
    expect(error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|timed out|:\d{2,5}/u);
  }
  return (errors ?? []).map((e): [string, unknown] => [(e.path ?? []).join('.'), e.extensions?.source]).sort((a, b) => a.join().localeCompare(b.join()));
}

describe('a store that is down', () => {
  it('a stopped store: the other stores answer, the error names the store, and it recovers without a restart', async () => {
    const gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
    started.push(gateway);
    const before = await gateway.graphql(CatalogPageDocument, { first: 200, filter: { categories: ['FISCAL_FUNDS', 'ORGANIZATION_PERSONNEL'] } });
    expect(before.errors).toBeUndefined();
    const financeServer = gateway.servers.finance!;
    await financeServer.stop();

    const during = await gateway.graphql(CatalogPageDocument, { first: 200, filter: { categories: ['FISCAL_FUNDS', 'ORGANIZATION_PERSONNEL'] } });
    expect(during.status).toBe(200);
    // One error for the page and one for its total, both naming finance, none at an item.
    expect(partialErrors(during.errors)).toEqual([
      ['disclosures', 'finance'],
      ['disclosures.totalCount', 'finance'],
    ]);
    const edges = during.data!.disclosures.edges;
    expect(edges).not.toContain(null);
    expect(new Set(edges.map((e) => e.node.__typename))).toEqual(new Set(['Procurement', 'Appointment']));
    expect(edges).toHaveLength(20 + 19);
    expect(during.data!.disclosures.totalCount).toBeNull();
    expect(during.data!.disclosures.pageInfo.endCursor).toBe(edges[edges.length - 1]!.cursor);

    const summary = await gateway.graphql(CatalogSummaryDocument, { organizationId: toGlobalId('Organization', 'org-neicuo') });
    expect(partialErrors(summary.errors)).toEqual([['catalogSummary', 'finance']]);
    const categories = summary.data!.catalogSummary.categories;
    expect(categories).not.toContain(null);
    expect(categories.find((c) => c.category === 'ORGANIZATION_PERSONNEL')?.count).toBe(19);
    const fiscalWithoutFinance = categories.find((c) => c.category === 'FISCAL_FUNDS')!.count;
    expect(summary.data!.catalogSummary.total).toBe(categories.reduce((sum, c) => sum + c.count, 0));

    // The store comes back on the same address (empty, as a restored replacement would be until reloaded).
    const replacement = await startEmbeddedMongo({ memory: true, port: financeServer.port });
    restarted.push(replacement);
    const deadline = Date.now() + 15_000;
    let after = await gateway.graphql(CatalogPageDocument, { first: 5, filter: { categories: ['FISCAL_FUNDS'] } });
    while (after.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await gateway.graphql(CatalogPageDocument, { first: 5, filter: { categories: ['FISCAL_FUNDS'] } });
    }
    expect(after.errors).toBeUndefined();
    for (const [name, docs] of Object.entries(demoCollections().finance)) {
      await gateway.stores.connections.finance.run((db) => db.collection(name).insertMany(docs));
    }
    const reloaded = await gateway.graphql(CatalogPageDocument, { first: 200, filter: { categories: ['FISCAL_FUNDS', 'ORGANIZATION_PERSONNEL'] } });
    expect(reloaded.errors).toBeUndefined();
    expect(reloaded.data!.disclosures.edges.map((e) => e.node.id)).toEqual(before.data!.disclosures.edges.map((e) => e.node.id));
    expect(reloaded.data!.disclosures.totalCount).toBe(before.data!.disclosures.totalCount);
    const summaryAfter = await gateway.graphql(CatalogSummaryDocument, { organizationId: toGlobalId('Organization', 'org-neicuo') });
    expect(summaryAfter.errors).toBeUndefined();
    // Fiscal funds are kept by finance and procurement: without finance only procurement's were counted.
    expect(summaryAfter.data!.catalogSummary.categories.find((c) => c.category === 'FISCAL_FUNDS')!.count).toBeGreaterThan(fiscalWithoutFinance);
    const indexes = await gateway.stores.connections.finance.run((db) => db.collection('catalog').indexes());
    expect(indexes.map((i) => i.name)).toContain('searchTerms_1');
  });

  it('a store stopped while the gateway holds open connections to it: broken sockets count as unavailable, not as internal errors', async () => {
    const gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
    started.push(gateway);
    // Warm every store's connection pool first, so the next request writes to sockets the stopped server has closed.
    const warm = await gateway.graphql(CatalogSummaryDocument, { organizationId: toGlobalId('Organization', 'org-neicuo') });
    expect(warm.errors).toBeUndefined();
    await gateway.servers.finance!.stop();
    for (let attempt = 0; attempt < 3; attempt++) {
      const page = await gateway.graphql(CatalogPageDocument, { first: 50, filter: { categories: ['FISCAL_FUNDS', 'ORGANIZATION_PERSONNEL'] } });
      expect(page.data?.disclosures.edges.length).toBeGreaterThan(0);
      expect(partialErrors(page.errors).map(([, source]) => source)).toEqual(['finance', 'finance']);
    }
  });

  it('a store slower than its timeout: the answer comes within the timeout, without that store', async () => {
    const hangingFinance = await blackHole();
    const gateway = await startTestGateway({ seed: false, storeUris: { finance: hangingFinance }, timeoutMS: 400 });
    started.push(gateway);
    const start = Date.now();
    const result = await gateway.graphql(CatalogPageDocument, { first: 10 });
    const elapsed = Date.now() - start;
    expect(result.status).toBe(200);
    expect(partialErrors(result.errors)).toEqual([
      ['disclosures', 'finance'],
      ['disclosures.totalCount', 'finance'],
    ]);
    expect(result.data!.disclosures.edges).toEqual([]);
    expect(elapsed).toBeLessThan(3_000);
    const ready = await gateway.stores.ping();
    expect(ready.finance.ok).toBe(false);
    expect(ready.office.ok).toBe(true);
  });

  it('two stores down: one error per store and per partial field, at the path the client asked for', async () => {
    const gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
    started.push(gateway);
    await gateway.servers.finance!.stop();
    await gateway.servers.procurement!.stop();
    const townId = toGlobalId('Organization', 'org-neicuo');
    const result = await gateway.graphql<{
      all: { totalCount: number | null; edges: Array<{ node: { __typename: string } }> };
      procurements: { edges: unknown[] };
      town: { disclosures: { edges: Array<{ node: { __typename: string } }> } };
    }>(
      `query ($town: ID!) {
        all: disclosures(first: 200) { totalCount edges { node { __typename } } }
        procurements: disclosures(first: 5, filter: { kinds: [Procurement] }) { edges { cursor } }
        town: node(id: $town) { ... on Organization { disclosures(first: 200) { edges { node { __typename } } } } }
      }`,
      { town: townId },
    );
    expect(result.status).toBe(200);
    expect(partialErrors(result.errors)).toEqual([
      ['all', 'finance'],
      ['all', 'procurement'],
      ['all.totalCount', 'finance'],
      ['all.totalCount', 'procurement'],
      // Only the procurement store holds procurements: finance is not asked, so not missing.
      ['procurements', 'procurement'],
      ['town.disclosures', 'finance'],
      ['town.disclosures', 'procurement'],
    ]);
    const data = result.data!;
    expect(data.all.totalCount).toBeNull();
    const kinds = new Set(data.all.edges.map((e) => e.node.__typename as string));
    expect(kinds).toContain('Appointment');
    for (const missing of ['ThreePublicExpenseStatement', 'FundAllocation', 'Procurement']) expect(kinds).not.toContain(missing);
    expect(data.procurements.edges).toEqual([]);
    expect(data.town.disclosures.edges.length).toBeGreaterThan(0);
    expect(data.town.disclosures.edges.every((e) => !['ThreePublicExpenseStatement', 'FundAllocation', 'Procurement'].includes(e.node.__typename))).toBe(true);
  });

  it('a store that fails between the catalog read and the record read: its records are left out and reported the same way', async () => {
    const gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
    started.push(gateway);
    const variables = { first: 200, filter: { categories: ['FISCAL_FUNDS', 'ORGANIZATION_PERSONNEL'] } };
    const before = await gateway.graphql(CatalogPageDocument, variables);
    expect(before.errors).toBeUndefined();
    const financeRecords = before.data!.disclosures.edges.filter((e) => ['ThreePublicExpenseStatement', 'FundAllocation'].includes(e.node.__typename));
    expect(financeRecords.length).toBeGreaterThan(0);

    // The finance store answers the catalog read, then stops before its records are read.
    const finance = gateway.stores.finance;
    const stopFinance = (() => {
      let stopping: Promise<void> | undefined;
      return () => (stopping ??= gateway.servers.finance!.stop());
    })();
    for (const method of ['statementsByIds', 'allocationsByIds'] as const) {
      const original = finance[method].bind(finance) as (ids: readonly string[]) => Promise<never[]>;
      (finance as unknown as Record<string, unknown>)[method] = async (ids: readonly string[]) => {
        await stopFinance();
        return original(ids);
      };
    }

    const during = await gateway.graphql(CatalogPageDocument, variables);
    expect(during.status).toBe(200);
    expect(partialErrors(during.errors)).toEqual([
      ['disclosures', 'finance'],
      ['disclosures.totalCount', 'finance'],
    ]);
    const edges = during.data!.disclosures.edges;
    expect(edges).not.toContain(null);
    expect(edges.map((e) => e.node.id)).toEqual(
      before.data!.disclosures.edges.filter((e) => !financeRecords.includes(e)).map((e) => e.node.id),
    );
    expect(during.data!.disclosures.totalCount).toBeNull();
  });
});
