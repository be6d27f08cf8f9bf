/**
 * Documents a request has already read by joining them onto another read
 * (a catalog page with its records, organizations with their parents), kept
 * so that the loaders asking for them next find them without a round trip.
 * Each join says for which keys it found every matching document, so a key
 * known here is answered exactly as `findByKeys` would answer it.
 */
import type { Document } from 'mongodb';
import { findByKeys } from './find-by-ids.js';
import type { StoreConnection } from './store-connection.js';

/** An equality `$lookup`: the documents of `from` whose `foreignField` equals a value at `localField` (a dotted path, through arrays). */
export interface DocumentJoin {
  from: string;
  localField: string;
  foreignField: string;
  /** Name of the join (unique within one read); a later join's `localField` may start with an earlier join's name. */
  as: string;
}

// Where joined documents are put on each result, and taken off again before the result is handed out.
const JOINED = '__joined';

/** The values at a dotted path, arrays flattened at every step, as `$lookup` reads `localField`. */
function valuesAt(value: unknown, parts: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, parts));
  if (parts.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Document)[parts[0]!], parts.slice(1));
}

/** The string keys at the path `parts` of `doc` (ids in these stores are strings; other values are never join keys here). */
function keysAt(doc: Document, parts: readonly string[]): string[] {
  if (parts.length === 1) {
    // The common case, a top-level id.
    const value = doc[parts[0]!];
    if (typeof value === 'string') return [value];
  }
  return [...new Set(valuesAt(doc, parts).filter((v): v is string => typeof v === 'string'))];
}

/** `$lookup` stages for `joins`, each putting its documents under the result's joined field. */
export function lookupStages(joins: readonly DocumentJoin[]): Document[] {
  return joins.map((join) => ({
    $lookup: { from: join.from, localField: localPath(join.localField, joins), foreignField: join.foreignField, as: `${JOINED}.${join.as}` },
  }));
}

function localPath(localField: string, joins: readonly DocumentJoin[]): string {
  const head = localField.split('.')[0]!;
  return joins.some((j) => j.as === head) ? `${JOINED}.${localField}` : localField;
}

/** The documents of one store that one request has read ahead, by collection, field and key. */
export class PrefetchedDocuments {
  private readonly known = new Map<string, Map<string, Document[]>>();

  /**
   * Takes the joined documents off `results` (read with `lookupStages(joins)`)
   * and keeps them under every key each join looked up, an empty list for a
   * key that matched nothing. Returns the results without their joins.
   */
  absorb<T extends Document>(results: readonly T[], joins: readonly DocumentJoin[]): T[] {
    const plans = joins.map((join) => ({
      join,
      local: localPath(join.localField, joins).split('.'),
      foreign: join.foreignField.split('.'),
      known: this.slot(join.from, join.foreignField),
    }));
    return results.map((result) => {
      const { [JOINED]: joined = {}, ...rest } = result as Document;
      const view = { ...rest, [JOINED]: joined } as Document;
      for (const { join, local, foreign, known } of plans) {
        const keys = keysAt(view, local);
        if (keys.length === 0) continue;
        const found = new Map<string, Document[]>(keys.map((key) => [key, []]));
        for (const doc of ((joined as Document)[join.as] ?? []) as Document[]) for (const key of keysAt(doc, foreign)) found.get(key)?.push(doc);
        for (const [key, docs] of found) known.set(key, docs);
      }
      return rest as T;
    });
  }

  /** The known documents for `keys` (each once) and the keys not known. */
  take(collection: string, field: string, keys: readonly string[]): { docs: Document[]; missing: string[] } {
    const byKey = this.known.get(`${collection}\u0000${field}`);
    const docs = new Map<unknown, Document>();
    const missing: string[] = [];
    for (const key of keys) {
      const found = byKey?.get(key);
      if (found === undefined) missing.push(key);
      else for (const doc of found) docs.set(doc._id, doc);
    }
    return { docs: [...docs.values()], missing };
  }

  /** Forgets everything: after a write, the request reads again. */
  clearAll(): void {
    this.known.clear();
  }

  /** The documents kept for `collection` by `field`, per key. */
  private slot(collection: string, field: string): Map<string, Document[]> {
    const name = `${collection}\u0000${field}`;
    let byKey = this.known.get(name);
    if (!byKey) this.known.set(name, (byKey = new Map()));
    return byKey;
  }
}

/**
 * Documents of `collection` whose `field` is in `keys`, as `findByKeys`
 * returns them: those `prefetched` already holds, and one query for the
 * rest (none when it holds them all). With `joins`, the query also reads
 * those joined documents into `prefetched` for the loads that follow.
 */
export async function findByKeysThrough<T extends Document>(
  connection: StoreConnection,
  collection: string,
  keys: readonly string[],
  options: { field?: string; prefetched?: PrefetchedDocuments | null; joins?: readonly DocumentJoin[] } = {},
): Promise<T[]> {
  const field = options.field ?? '_id';
  const prefetched = options.prefetched ?? undefined;
  const known = prefetched?.take(collection, field, keys);
  const missing = known ? known.missing : [...keys];
  if (missing.length === 0) return known!.docs as T[];
  const joins = options.joins ?? [];
  const fetched =
    prefetched && joins.length > 0
      ? prefetched.absorb(
          await connection.run((db) => db.collection(collection).aggregate([{ $match: { [field]: { $in: missing } } }, ...lookupStages(joins)], { batchSize: 100_000 }).toArray()),
          joins,
        )
      : await connection.run((db) => findByKeys<Document>(db, collection, missing, field));
  if (!known || known.docs.length === 0) return fetched as T[];
  // A document matching a known key and a fetched one (an array field) is returned once, as one query would.
  const seen = new Set(known.docs.map((doc) => doc._id as unknown));
  return [...known.docs, ...fetched.filter((doc) => !seen.has(doc._id))] as T[];
}
