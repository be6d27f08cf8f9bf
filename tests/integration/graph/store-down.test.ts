/**
 * One store down is not all down: the catalog answers with the other stores'
 * records and a SOURCE_UNAVAILABLE error naming the missing store, whether
 * the store is stopped or merely slower than its timeout, and the gateway
 * recovers without a restart when the store is back.
 */
import net from 'node:net';
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

function sourcesOf(errors: Array<{ extensions?: Record<string, unknown> }> | undefined): Set<unknown> {
  for (const error of errors ?? []) expect(error.extensions?.code).toBe('SOURCE_UNAVAILABLE');
  return new Set((errors ?? []).map((e) => e.extensions?.source));
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
    expect(sourcesOf(during.errors)).toEqual(new Set(['finance']));
    const edges = during.data!.disclosures.edges.filter((e) => e !== null);
    expect(new Set(edges.map((e) => e!.node.__typename))).toEqual(new Set(['Procurement', 'Appointment']));
    expect(edges).toHaveLength(20 + 19);
    expect(during.data!.disclosures.totalCount).toBeNull();
    expect(during.errors!.map((e) => e.path)).toContainEqual(['disclosures', 'totalCount']);
    // The missing store's part is an error item after the records the others returned.
    expect(during.errors!.map((e) => e.path)).toContainEqual(['disclosures', 'edges', edges.length]);
    expect(during.data!.disclosures.edges[edges.length]).toBeNull();

    const summary = await gateway.graphql(CatalogSummaryDocument, { organizationId: toGlobalId('Organization', 'org-neicuo') });
    expect(sourcesOf(summary.errors)).toEqual(new Set(['finance']));
    expect(summary.data!.catalogSummary.categories.find((c) => c?.category === 'ORGANIZATION_PERSONNEL')?.count).toBe(19);

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
    expect(reloaded.data!.disclosures.edges.map((e) => e!.node.id)).toEqual(before.data!.disclosures.edges.map((e) => e!.node.id));
    const indexes = await gateway.stores.connections.finance.run((db) => db.collection('catalog').indexes());
    expect(indexes.map((i) => i.name)).toContain('searchTerms_1');
  });

  it('a store slower than its timeout: the answer comes within the timeout, without that store', async () => {
    const hangingFinance = await blackHole();
    const gateway = await startTestGateway({ seed: false, storeUris: { finance: hangingFinance }, timeoutMS: 400 });
    started.push(gateway);
    const start = Date.now();
    const result = await gateway.graphql(CatalogPageDocument, { first: 10 });
    const elapsed = Date.now() - start;
    expect(result.status).toBe(200);
    expect(sourcesOf(result.errors)).toEqual(new Set(['finance']));
    expect(result.data!.disclosures.edges.filter((e) => e !== null)).toEqual([]);
    expect(elapsed).toBeLessThan(3_000);
    const ready = await gateway.stores.ping();
    expect(ready.finance.ok).toBe(false);
    expect(ready.office.ok).toBe(true);
  });
});
