/**
 * Loads the benchmark's data set into the stores at `uri` (one database per
 * store, named as the gateway names them) and builds the indexes the
 * gateway declares, by opening the stores as the gateway does.
 */
import { MongoClient } from 'mongodb';
import { openStores, STORE_NAMES, type StoresConfig } from '../../datasources/index.js';
import { emptyIndex, generateDataset, type DatasetIndex } from './dataset.js';

const BATCH = 5_000;

/** Generates and inserts the data set of `scale` documents per store; resolves with the ids the scenarios use and the documents written. */
export async function loadDataset(uri: string, scale: number): Promise<{ index: DatasetIndex; documents: number; loadMs: number }> {
  const started = Date.now();
  const index = emptyIndex();
  const client = await new MongoClient(uri).connect();
  let documents = 0;
  try {
    for (const collections of generateDataset(scale, index)) {
      for (const { store, collection, documents: docs } of collections) {
        const target = client.db(store).collection(collection);
        for (let i = 0; i < docs.length; i += BATCH) await target.insertMany(docs.slice(i, i + BATCH), { ordered: false });
        documents += docs.length;
      }
    }
  } finally {
    await client.close();
  }
  // The gateway creates its indexes on first contact with a store; building them here keeps that out of the measurements.
  const config = Object.fromEntries(STORE_NAMES.map((store) => [store, { uri, dbName: store, timeoutMS: 600_000 }])) as StoresConfig;
  const stores = await openStores(config);
  try {
    await stores.isEmpty();
  } finally {
    await stores.close();
  }
  return { index, documents, loadMs: Date.now() - started };
}
