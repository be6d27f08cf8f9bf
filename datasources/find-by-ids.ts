/**
 * The one query shape behind every loader: all documents whose key is in a
 * batch, in a single `$in` and a single reply.
 */
import type { Db, Document } from 'mongodb';

/** Documents of `collection` whose `field` (default `_id`) is in `keys`, fetched in one round trip. */
export function findByKeys<T extends Document>(db: Db, collection: string, keys: readonly unknown[], field = '_id'): Promise<T[]> {
  // batchSize above the default 101 keeps a large batch to one reply (no getMore).
  return db
    .collection(collection)
    .find({ [field]: { $in: [...keys] } }, { batchSize: 100_000 })
    .toArray() as unknown as Promise<T[]>;
}
