/**
 * The push scenario's records, removed again once it is measured. Its 30
 * batches of 1,000 new allocations (sent again, they are retries) would
 * otherwise more than double the finance store's catalog before the mixed
 * load and the cached server are measured on it, and those rows would
 * stand for a bigger data set than the one they are reported at.
 */
import type { MongoClient } from 'mongodb';
import { CATALOG_COLLECTION } from '../../datasources/catalog/catalog-source.js';
import { ALLOCATIONS } from '../../datasources/finance/finance-store.js';
import { LEDGER_COLLECTION } from '../../datasources/ledger/ledger-entry.js';
import { SUBMISSIONS_COLLECTION } from '../../datasources/push/submission.js';

/** The store that holds the pushed fund allocations, and the collections a push writes in it. */
const FINANCE = 'finance';
const WRITTEN = [SUBMISSIONS_COLLECTION, LEDGER_COLLECTION, CATALOG_COLLECTION, ALLOCATIONS] as const;

/** Documents per collection the push scenario writes to. */
export type PushedCollectionCounts = Record<string, number>;

/** How many documents each collection a push writes to holds now. */
export async function pushedCollectionCounts(client: MongoClient): Promise<PushedCollectionCounts> {
  const db = client.db(FINANCE);
  const counts = await Promise.all(WRITTEN.map((name) => db.collection(name).countDocuments({})));
  return Object.fromEntries(WRITTEN.map((name, i) => [name, counts[i]!]));
}

/**
 * Removes every record pushed with a source id starting `prefix`: its
 * submission, ledger entries, catalog entry and live allocation. Throws
 * unless the collections hold again exactly `before`.
 */
export async function removePushedBatches(client: MongoClient, prefix: string, before: PushedCollectionCounts): Promise<void> {
  const db = client.db(FINANCE);
  const bySource = { sourceId: { $regex: `^${prefix.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}` } };
  const recordIds = (await db.collection<{ recordId: string }>(SUBMISSIONS_COLLECTION).find(bySource, { projection: { recordId: 1 } }).toArray()).map((s) => s.recordId);
  // Public first, as a withdrawal does: the catalog entry, then the live document.
  await db.collection<{ _id: string }>(CATALOG_COLLECTION).deleteMany({ _id: { $in: recordIds } });
  await db.collection<{ _id: string }>(ALLOCATIONS).deleteMany({ _id: { $in: recordIds } });
  await db.collection(LEDGER_COLLECTION).deleteMany(bySource);
  await db.collection(SUBMISSIONS_COLLECTION).deleteMany(bySource);
  const after = await pushedCollectionCounts(client);
  const differs = WRITTEN.filter((name) => after[name] !== before[name]);
  if (differs.length > 0) {
    throw new Error(`removing the push scenario's records left ${differs.map((name) => `${name} at ${after[name]} instead of ${before[name]}`).join(', ')}`);
  }
}
