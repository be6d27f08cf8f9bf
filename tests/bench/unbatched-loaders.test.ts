/**
 * The N+1 baseline's loaders: built with `{ batching: false }`, every load
 * is its own store query and nothing is cached within the request, while
 * the default loaders answer the same loads with one `$in` (an aggregation
 * that brings the parents along). Both return the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, STORE_NAMES, type StoreCommandEvent, type Stores, type StoresConfig } from '../../datasources/index.js';
import { createLoaders } from '../../datasources/loaders.js';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let stores: Stores;
const finds: string[] = [];

beforeAll(async () => {
  mongo = await startTestMongo();
  const config = Object.fromEntries(
    STORE_NAMES.map((store) => [store, { uri: mongo.uri, dbName: mongo.dbName(store), timeoutMS: 10_000, onCommand: (e: StoreCommandEvent) => { if (e.commandName === 'find' || e.commandName === 'aggregate') finds.push(e.store); } }]),
  ) as StoresConfig;
  stores = await openStores(config);
  const { loadDemoData } = await import('../../datasources/demo/index.js');
  await loadDemoData(stores, { reset: true });
});

afterAll(async () => {
  await stores?.close();
  await mongo?.stop();
});

const IDS = ['org-neicuo', 'org-neicuo-dzb', 'org-neicuo-czs', 'org-xiangan', 'org-neicuo'];

async function loadAll(batching: boolean) {
  const loaders = createLoaders(stores, new Date(), { batching });
  finds.length = 0;
  const organizations = await Promise.all(IDS.map((id) => loaders.organization.load(id)));
  return { names: organizations.map((o) => o?.name), finds: finds.length };
}

describe('createLoaders({ batching })', () => {
  it('queries once per load without batching, once in all with it, for the same records', async () => {
    await loadAll(true);
    const batched = await loadAll(true);
    const unbatched = await loadAll(false);
    expect(batched.finds).toBe(1);
    expect(unbatched.finds).toBe(IDS.length);
    expect(unbatched.names).toEqual(batched.names);
    expect(batched.names).toContain('内厝镇党政办公室');
  });
});
