import type { Document } from 'bson';
import type sortedBtree from 'sorted-btree';
import * as bulkLoading from 'sorted-btree/extended/bulkLoad.js';
import { compileFilter, keyString, pathValues } from '../query/index.js';
import { type IndexKey, indexKeyComparator } from './index-key.js';
import { type KeyField, keyFields } from './index-spec.js';
import { PointTable } from './point-table.js';
import type { IndexSpec } from './types.js';
import { errorWithCode } from './write-errors.js';

// sorted-btree is CommonJS: Node's ESM interop gives the module object (function under `default`), bundlers give the function.
const bulkLoad = bulkLoading.bulkLoad ?? (bulkLoading as unknown as { default: typeof bulkLoading }).default.bulkLoad;
const MAX_NODE_SIZE = 64;
type BTree<K, V> = sortedBtree.default<K, V>;

const SCAN_CHUNK = 256;

/** What a path of a document looks like to an index: whether it crosses an array, whether any value is there. */
function inspectPath(value: unknown, parts: string[], i: number, out: { array: boolean; exists: boolean }): void {
  if (Array.isArray(value)) {
    out.array = true;
    if (i === parts.length) {
      out.exists = true;
      return;
    }
    for (const e of value) if (isDocument(e)) inspectPath(e, parts, i, out);
    const part = parts[i]!;
    if (/^\d+$/.test(part)) inspectPath(value[Number(part)], parts, i + 1, out);
    return;
  }
  if (i === parts.length) {
    if (value !== undefined) out.exists = true;
    return;
  }
  if (isDocument(value)) inspectPath(value[parts[i]!], parts, i + 1, out);
}

function isDocument(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  return (v as { _bsontype?: unknown })._bsontype === undefined;
}

const HIGH_UNITS = /[\uD800-\uFFFF]/;

/**
 * For single-field entries whose values are all plain strings (without code
 * units where UTF-16 and UTF-8 orders differ) or all non-NaN numbers, a
 * comparator using native `<` that orders them exactly as the index
 * comparator does, several times faster on a million-entry build.
 */
function plainSortable(entries: readonly IndexKey[], direction: 1 | -1): ((a: IndexKey, b: IndexKey) => number) | undefined {
  if (entries.length < 1024) return undefined;
  const kind = typeof entries[0]!.v[0];
  if (kind !== 'string' && kind !== 'number') return undefined;
  for (const e of entries) {
    const v = e.v[0];
    if (typeof v !== kind) return undefined;
    if (kind === 'string' ? HIGH_UNITS.test(v as string) : v !== v) return undefined;
  }
  return (a, b) => {
    const x = a.v[0] as string | number;
    const y = b.v[0] as string | number;
    if (x < y) return -direction;
    if (x > y) return direction;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** The key tuples of one document in one index; `multikey` when some indexed path crosses an array. */
export interface DocumentKeys {
  tuples: unknown[][];
  multikey: boolean;
}

/** Canonical string of a key tuple: equal tuples (by mongod's value equality) share it. */
export function tupleKey(tuple: readonly unknown[]): string {
  if (tuple.length === 1) return keyString(tuple[0]);
  // Length-prefixed parts: unambiguous whatever characters the key strings hold.
  let out = '';
  for (const v of tuple) {
    const k = keyString(v);
    out += `${k.length}:${k}`;
  }
  return out;
}

/**
 * A declared (non-`_id`) index, kept current by the collection on every
 * write. It expects to be told each document's old and new key tuples; it
 * checks uniqueness on demand so the collection can validate all indexes
 * before changing any of them.
 *
 * Equality, `$in` and unique checks go to a hash table of key tuples, which
 * always exists. The ordered tree of `(values…, record key)` entries that
 * ranges and sort walks need is built on the first `scan()`, from the entries
 * the collection lists for it at that moment, and maintained from then on:
 * an index that only ever serves lookups never holds a second copy of its
 * keys.
 */
export class SecondaryIndex {
  readonly spec: IndexSpec;
  readonly name: string;
  readonly fields: KeyField[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partial: boolean;
  /** True once any indexed document had an array on an indexed path (then one document may have several entries). */
  multikey = false;
  /** Undefined until the first scan needs it. */
  private tree: BTree<IndexKey, undefined> | undefined;
  /** Lists this index's entries for every stored document, to build the tree from. */
  private readonly currentEntries: () => IndexKey[];
  /** Equality lookups and unique checks by hash: a tree descent costs microseconds of pointer chasing on a large index, and a batched `$in` does one per key. */
  private readonly points = new PointTable();
  private readonly paths: string[][];
  private readonly filter: ((doc: Document) => boolean) | undefined;
  readonly compare: (a: IndexKey, b: IndexKey) => number;

  /** `currentEntries` gives the entries of the documents stored when it is called (it is called at most once per tree build). */
  constructor(spec: IndexSpec, currentEntries: () => IndexKey[]) {
    this.spec = spec;
    this.name = spec.name;
    this.fields = keyFields(spec.key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = spec.partialFilterExpression !== undefined;
    this.filter = this.partial ? compileFilter(spec.partialFilterExpression as Document) : undefined;
    this.paths = this.fields.map((f) => f.path.split('.'));
    this.compare = indexKeyComparator(this.fields);
    this.currentEntries = currentEntries;
  }

  /** True once a scan has built the ordered tree (and until `clear`). */
  get hasOrderedTree(): boolean {
    return this.tree !== undefined;
  }

  /** The distinct key tuples `doc` has in this index ([] when sparse/partial exclude it); throws CannotIndexParallelArrays (171). */
  keysOf(doc: Document): DocumentKeys {
    if (this.filter !== undefined && !this.filter(doc)) return { tuples: [], multikey: false };
    const perField: unknown[][] = [];
    let arrayFields: string[] = [];
    let present = false;
    for (let i = 0; i < this.fields.length; i++) {
      const info = { array: false, exists: false };
      inspectPath(doc, this.paths[i]!, 0, info);
      if (info.array) arrayFields.push(this.fields[i]!.path);
      if (info.exists) present = true;
      perField.push(pathValues(doc, this.fields[i]!.path));
    }
    if (arrayFields.length > 1) {
      arrayFields = arrayFields.reverse();
      throw errorWithCode(171, 'CannotIndexParallelArrays', `cannot index parallel arrays [${arrayFields[0]}] [${arrayFields[1]}]`);
    }
    if (this.sparse && !present) return { tuples: [], multikey: false };
    // Tuples are allocated at their exact length: they live in the index, one per entry, and
    // a spread or push would give each a growable backing store several times larger.
    let tuples: unknown[][] = perField[0]!.map((v) => [v]);
    for (let f = 1; f < perField.length; f++) {
      const next: unknown[][] = [];
      for (const t of tuples) {
        for (const v of perField[f]!) {
          const tuple = new Array<unknown>(f + 1);
          for (let i = 0; i < f; i++) tuple[i] = t[i];
          tuple[f] = v;
          next.push(tuple);
        }
      }
      tuples = next;
    }
    if (tuples.length > 1) {
      const seen = new Set<string>();
      tuples = tuples.filter((t) => {
        const k = tupleKey(t);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    return { tuples, multikey: arrayFields.length > 0 };
  }

  /** For a unique index: the first of `tuples` already held by a record other than `id`, else undefined. */
  findConflict(id: string, tuples: readonly unknown[][]): unknown[] | undefined {
    if (!this.unique) return undefined;
    return tuples.find((tuple) => this.points.heldByOther(tuple, id));
  }

  /** Record keys whose entry equals the full `tuple` (one value per index field), by hash lookup. */
  idsWith(tuple: readonly unknown[]): string[] {
    return this.points.get(tuple);
  }

  /** How many record keys have an entry equal to the full `tuple`, by hash lookup. */
  countWith(tuple: readonly unknown[]): number {
    return this.points.count(tuple);
  }

  /** True when record `id` has an entry equal to the full `tuple`, by hash lookup. */
  holds(tuple: readonly unknown[], id: string): boolean {
    return this.points.has(tuple, id);
  }

  add(id: string, keys: DocumentKeys): void {
    if (keys.multikey) this.multikey = true;
    for (const v of keys.tuples) {
      this.tree?.set({ v, id }, undefined);
      this.points.add(v, id);
    }
  }

  remove(id: string, tuples: readonly unknown[][]): void {
    for (const v of tuples) {
      this.tree?.delete({ v: v as unknown[], id });
      this.points.remove(v, id);
    }
  }

  /** Empties the index (hash table and tree) so it can be filled again with `add`. */
  clear(): void {
    this.tree = undefined;
    this.points.clear();
    this.multikey = false;
  }

  /** The ordered tree, built now from the current entries if no scan built it yet. */
  private orderedTree(): BTree<IndexKey, undefined> {
    if (this.tree === undefined) {
      const entries = this.currentEntries();
      entries.sort(this.fields.length === 1 ? (plainSortable(entries, this.fields[0]!.direction) ?? this.compare) : this.compare);
      this.tree = bulkLoad<IndexKey, undefined>(entries, new Array<undefined>(entries.length), MAX_NODE_SIZE, this.compare);
    }
    return this.tree;
  }

  /**
   * Entries from `low` to `high` (inclusive, tree order), or from `high` down
   * to `low` when `reverse`. Reads in chunks, each taken synchronously and
   * resumed after its last key, so writes between two pulls (a cursor left
   * open across getMore) never meet a live tree iterator.
   */
  *scan(low: IndexKey, high: IndexKey, reverse: boolean): Generator<IndexKey> {
    let from = reverse ? high : low;
    let skipFirst = false;
    for (;;) {
      const chunk: IndexKey[] = [];
      // Taken per chunk: after a `clear` between two pulls, the cursor resumes in the rebuilt tree, not the dropped one.
      const tree = this.orderedTree();
      const it = reverse ? tree.entriesReversed(from) : tree.entries(from);
      for (const [k] of it) {
        if (skipFirst && this.compare(k, from) === 0) continue;
        if (reverse ? this.compare(k, low) < 0 : this.compare(k, high) > 0) break;
        chunk.push(k);
        if (chunk.length === SCAN_CHUNK) break;
      }
      yield* chunk;
      if (chunk.length < SCAN_CHUNK) return;
      from = chunk[chunk.length - 1]!;
      skipFirst = true;
    }
  }
}
