import { deserialize, type Document, serialize, UUID } from 'bson';
import { CommandError } from '../errors.js';
import { filterPaths, keyString } from '../query/index.js';
import { RecordStore } from '../storage/index.js';
import { fieldPicker } from './bson-fields.js';
import type { IndexKey } from './index-key.js';
import { ID_INDEX_SPEC } from './index-spec.js';
import { type DocumentKeys, SecondaryIndex, tupleKey } from './secondary-index.js';
import type { IndexSpec } from './types.js';
import { duplicateKeyError, errorWithCode } from './write-errors.js';

/** Largest document mongod stores (16 MiB). */
export const MAX_BSON_SIZE = 16 * 1024 * 1024;

/** Values as mongod keeps them: int64 stays Long so it round-trips exactly. */
export const DESERIALIZE = { promoteLongs: false } as const;

/** The dotted paths that the key patterns and partial filters of `indexes` read, or undefined when a partial filter may read any field. */
function indexedPaths(indexes: readonly SecondaryIndex[]): string[] | undefined {
  const paths = new Set<string>();
  for (const index of indexes) {
    for (const f of index.fields) paths.add(f.path);
    if (index.partial) {
      const read = filterPaths(index.spec.partialFilterExpression as Document);
      if (read === undefined) return undefined;
      for (const path of read) paths.add(path);
    }
  }
  return [...paths];
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A document write prepared and validated against every index, not yet applied. */
export interface PreparedWrite {
  key: string;
  bytes: Uint8Array;
  /** Per index: the entries to add and to remove. */
  changes: { index: SecondaryIndex; add: DocumentKeys; remove: unknown[][] }[];
  /** The `_id` of a new document (undefined for a replacement, whose `_id` cannot change). */
  insertedId?: unknown;
}

/**
 * One collection: its documents (a RecordStore keyed by `keyString(_id)`, which
 * is also the `_id_` index) and its declared indexes. Writes are two-phase:
 * `prepare*` validates size, `_id` uniqueness and every unique index and
 * computes index changes without touching anything; `apply` then changes the
 * store and the indexes, and cannot fail. So a rejected write leaves no trace.
 */
export class Collection {
  readonly db: string;
  readonly name: string;
  readonly options: Document;
  readonly uuid: UUID;
  readonly store = new RecordStore({ deserialize: DESERIALIZE });
  readonly indexes = new Map<string, SecondaryIndex>();
  /**
   * `_id_` as an ordered tree, built on first need (a sort or range on `_id`)
   * and maintained from then on: the record store's hash map answers `_id`
   * equality, so most collections never pay for the tree.
   */
  private idOrder: SecondaryIndex | undefined;

  constructor(db: string, name: string, options: Document) {
    this.db = db;
    this.name = name;
    this.options = options;
    this.uuid = new UUID();
  }

  get fullName(): string {
    return `${this.db}.${this.name}`;
  }

  /** Index specs in creation order, `_id_` first, as listIndexes reports them. */
  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  /** Prepares storing `doc` (which already has its `_id` first) under a new key; throws DuplicateKey/BSONObjectTooLarge/… without side effects. */
  prepareInsert(doc: Document): PreparedWrite {
    const key = keyString(doc._id);
    if (this.store.has(key)) {
      throw duplicateKeyError(this.fullName, '_id_', { _id: 1 }, { _id: doc._id });
    }
    return this.prepare(key, undefined, doc, 'insert');
  }

  /**
   * Prepares replacing the document `oldDoc` (stored under `key`) by
   * `newDoc`; throws like prepareInsert. With `bytes` (the new document as
   * stored), the two documents need hold only the paths `indexedPaths`
   * names: they then serve for the index entries alone.
   */
  prepareReplace(key: string, oldDoc: Document, newDoc: Document, bytes?: Uint8Array): PreparedWrite {
    return this.prepare(key, oldDoc, newDoc, 'update', bytes);
  }

  /** The dotted paths the indexes read (their keys and partial filters), or undefined when a partial filter may read any. */
  indexedPaths(): string[] | undefined {
    return indexedPaths([...this.indexes.values()]);
  }

  private prepare(key: string, oldDoc: Document | undefined, newDoc: Document, kind: 'insert' | 'update', bytes = serialize(newDoc, { checkKeys: false })): PreparedWrite {
    if (bytes.byteLength > MAX_BSON_SIZE) {
      if (kind === 'update') throw errorWithCode(17419, 'Location17419', `Resulting document after update is larger than ${MAX_BSON_SIZE}`);
      throw new CommandError('BSONObjectTooLarge', `object to insert too large. size in bytes: ${bytes.byteLength}, max size: ${MAX_BSON_SIZE}`);
    }
    const changes: PreparedWrite['changes'] = [];
    for (const index of this.indexes.values()) {
      const next = index.keysOf(newDoc);
      const previous = oldDoc === undefined ? [] : index.keysOf(oldDoc).tuples;
      if (previous.length > 0 || next.tuples.length > 0) {
        // Each tuple's key string once: a document's search terms make tens of tuples per write.
        const previousKeys = previous.map(tupleKey);
        const nextKeys = next.tuples.map(tupleKey);
        const widens = next.multikey && !index.multikey;
        if (!widens && sameStrings(previousKeys, nextKeys)) continue;
        const before = new Set(previousKeys);
        const after = new Set(nextKeys);
        const added = next.tuples.filter((_, i) => !before.has(nextKeys[i]!));
        const removed = previous.filter((_, i) => !after.has(previousKeys[i]!));
        if (added.length === 0 && removed.length === 0 && !widens) continue;
        const conflict = index.findConflict(key, added);
        if (conflict !== undefined) {
          const keyValue: Document = {};
          index.fields.forEach((f, i) => (keyValue[f.path] = conflict[i]));
          throw duplicateKeyError(this.fullName, index.name, index.spec.key, keyValue);
        }
        changes.push({ index, add: { tuples: added, multikey: next.multikey }, remove: removed });
      }
    }
    return kind === 'insert' ? { key, bytes, changes, insertedId: newDoc._id } : { key, bytes, changes };
  }

  /** Applies a prepared write; it must be applied before any other write to this collection is prepared. */
  apply(write: PreparedWrite): void {
    this.store.setBytes(write.key, write.bytes);
    if (write.insertedId !== undefined) this.idOrder?.add(write.key, { tuples: [[write.insertedId]], multikey: false });
    for (const { index, add, remove } of write.changes) {
      index.remove(write.key, remove);
      index.add(write.key, add);
    }
  }

  /** Removes the document stored under `key` (given deserialized as `doc`) from the store and every index. */
  remove(key: string, doc: Document): void {
    for (const index of this.indexes.values()) index.remove(key, index.keysOf(doc).tuples);
    this.idOrder?.remove(key, [[doc._id]]);
    this.store.delete(key);
  }

  /** The ordered `_id_` index, built now if it was not yet. */
  idIndex(): SecondaryIndex {
    this.idOrder ??= this.buildIndex(ID_INDEX_SPEC);
    return this.idOrder;
  }

  /** Registers an index without building it (recovery builds all of them at once with rebuildIndexes). */
  declareIndex(spec: IndexSpec): void {
    this.indexes.set(spec.name, this.newIndex(spec));
  }

  /** An empty index over this collection, which lists the stored documents' entries when its ordered tree is first needed. */
  private newIndex(spec: IndexSpec): SecondaryIndex {
    const index: SecondaryIndex = new SecondaryIndex(spec, () => {
      const entries: IndexKey[] = [];
      this.forEachKeys([index], (key, keys) => {
        for (const v of keys.tuples) entries.push({ v, id: key });
      });
      return entries;
    });
    return index;
  }

  /**
   * Calls `visit` with every stored document's record key and its keys in
   * each of `indexes` (by position), deserializing each document once and
   * only as far as the indexed paths.
   */
  private forEachKeys(indexes: readonly SecondaryIndex[], visit: (key: string, keys: DocumentKeys, i: number) => void): void {
    const fields = indexedPaths(indexes);
    const pick = fields === undefined ? undefined : fieldPicker(fields, DESERIALIZE);
    for (const [key, bytes] of this.store.entries()) {
      const doc = pick === undefined ? deserialize(bytes, DESERIALIZE) : pick(bytes);
      for (let i = 0; i < indexes.length; i++) visit(key, indexes[i]!.keysOf(doc), i);
    }
  }

  /** Rebuilds every declared index from the stored documents; ordered trees are left to be built by their first scan. */
  rebuildIndexes(): void {
    this.idOrder = undefined;
    const indexes = [...this.indexes.values()];
    if (indexes.length === 0) return;
    for (const index of indexes) index.clear();
    this.forEachKeys(indexes, (key, keys, i) => indexes[i]!.add(key, keys));
  }

  /** Builds `spec` over the current documents without registering it; throws DuplicateKey when a unique spec meets duplicates. */
  buildIndex(spec: IndexSpec): SecondaryIndex {
    const index = this.newIndex(spec);
    // Every duplicated tuple is met (as held by another record) while filling the hash table; the
    // least in index order is reported, as mongod reports the first duplicate of its sorted bulk load.
    let duplicate: IndexKey | undefined;
    this.forEachKeys([index], (key, keys) => {
      if (index.unique) {
        for (const v of keys.tuples) {
          const entry = { v, id: key };
          if (index.findConflict(key, [v]) !== undefined && (duplicate === undefined || index.compare(entry, duplicate) < 0)) duplicate = entry;
        }
      }
      index.add(key, keys);
    });
    if (duplicate !== undefined) {
      const { v } = duplicate;
      const keyValue: Document = {};
      index.fields.forEach((f, j) => (keyValue[f.path] = v[j]));
      throw duplicateKeyError(this.fullName, index.name, index.spec.key, keyValue);
    }
    return index;
  }
}
