import { deserialize, serialize, type DeserializeOptions, type Document, type SerializeOptions } from 'bson';
import { ByteArena, bsonLength } from './byte-arena.js';

export interface RecordStoreOptions {
  /** Options every `get` deserializes with. */
  deserialize?: DeserializeOptions;
  /** Options `set` serializes with. */
  serialize?: SerializeOptions;
}

/** Map entries visited per write while reclaiming space. */
const RECLAIM_STEP = 64;

/** A point-in-time copy of a RecordStore's contents (see `RecordStore.snapshot`). */
export interface RecordSnapshot {
  readonly size: number;
  readonly dataBytes: number;
  /** `[key, bytes]` in the natural order of the moment the snapshot was taken; may be iterated more than once. */
  entries(): IterableIterator<[string, Uint8Array]>;
}

/**
 * A collection's documents as BSON bytes keyed by the canonical key string of
 * their `_id` (computed by the engine). Documents live packed in a byte arena
 * and are deserialized on demand; bytes handed out are never overwritten
 * later, so a snapshot or a cursor may keep reading them. Iteration follows
 * insertion order (a replaced document keeps its place, as a record id does
 * in mongod) and tolerates writes during iteration.
 */
export class RecordStore {
  /** key → arena location; a Map because its iterators are live and ordered. */
  private readonly locations = new Map<string, number>();
  private readonly arena = new ByteArena();
  /** The walk over the key map that moves documents out of sparse slabs, while one is under way. */
  private reclaiming: Iterator<[string, number]> | undefined;
  private readonly deserializeOptions: DeserializeOptions | undefined;
  private readonly serializeOptions: SerializeOptions | undefined;

  constructor(options: RecordStoreOptions = {}) {
    this.deserializeOptions = options.deserialize;
    this.serializeOptions = options.serialize;
  }

  get size(): number {
    return this.locations.size;
  }

  /** Total BSON bytes of live documents (for dataSize/serverStatus). */
  get dataBytes(): number {
    return this.arena.liveBytes;
  }

  has(key: string): boolean {
    return this.locations.has(key);
  }

  /**
   * The deserialized document under `key`, or undefined. It shares no memory
   * with the store: bson's Binary values alias the bytes they were read
   * from, and a caller changing one in place must not alter the stored
   * document (nor keep a whole slab alive).
   */
  get(key: string): Document | undefined {
    const bytes = this.getBytes(key);
    if (bytes === undefined) return undefined;
    const own = Buffer.allocUnsafe(bytes.byteLength);
    own.set(bytes);
    return deserialize(own, this.deserializeOptions);
  }

  /** The BSON bytes under `key` (a view that stays valid and unchanged), or undefined. */
  getBytes(key: string): Uint8Array | undefined {
    const location = this.locations.get(key);
    return location === undefined ? undefined : this.arena.view(location);
  }

  /** Stores the document, replacing any under that key; returns its BSON bytes (the engine journals them). */
  set(key: string, doc: Document): Uint8Array {
    const location = this.store(key, serialize(doc, this.serializeOptions));
    return this.arena.view(location);
  }

  /** Stores a copy of `bytes` (one whole BSON document), replacing any document under that key. */
  setBytes(key: string, bytes: Uint8Array): void {
    if (bytes.byteLength < 5 || bsonLength(bytes, 0) !== bytes.byteLength) {
      throw new RangeError(`not one BSON document: ${bytes.byteLength} bytes, length prefix ${bsonLength(bytes, 0)}`);
    }
    this.store(key, bytes);
  }

  /** Removes the document under `key`; false when there was none. */
  delete(key: string): boolean {
    const location = this.locations.get(key);
    if (location === undefined) return false;
    this.locations.delete(key);
    this.arena.release(location);
    this.reclaimStep();
    return true;
  }

  /** Live iteration of the keys in natural order. */
  keys(): IterableIterator<string> {
    return this.locations.keys();
  }

  /** Live iteration of `[key, bytes]` in natural order. */
  *entries(): IterableIterator<[string, Uint8Array]> {
    // The Map iterator reads each entry when it advances, so a document moved between two steps is seen.
    for (const [key, location] of this.locations) yield [key, this.arena.view(location)];
  }

  /**
   * The documents as they are now, in natural order, unaffected by later
   * writes: costs one key reference and one number per document (no copy of
   * the bytes), for a consistent compaction capture or a snapshot read.
   */
  snapshot(): RecordSnapshot {
    const keys = new Array<string>(this.locations.size);
    const locations = new Float64Array(this.locations.size);
    let i = 0;
    for (const [key, location] of this.locations) {
      keys[i] = key;
      locations[i++] = location;
    }
    const view = this.arena.pin();
    return {
      size: keys.length,
      dataBytes: this.arena.liveBytes,
      *entries() {
        for (let j = 0; j < keys.length; j++) yield [keys[j]!, view(locations[j]!)];
      },
    };
  }

  /** Removes every document. */
  clear(): void {
    this.locations.clear();
    this.arena.reset();
    this.reclaiming = undefined;
  }

  private store(key: string, bytes: Uint8Array): number {
    const previous = this.locations.get(key);
    const location = this.arena.write(bytes);
    this.locations.set(key, location);
    if (previous !== undefined) this.arena.release(previous);
    // The document just written sits in the current slab, which is never moved: `location` stays valid.
    this.reclaimStep();
    return location;
  }

  /**
   * Moves a few documents out of the sparsest slabs per write, walking the
   * key map with an iterator of its own, so that reclaiming the space of
   * replaced and deleted documents costs a bounded amount per write instead
   * of one long pause.
   */
  private reclaimStep(): void {
    if (this.reclaiming === undefined) {
      if (!this.arena.wantsRelocation() || !this.arena.chooseVictims()) return;
      this.reclaiming = this.locations.entries();
    }
    for (let visited = 0; visited < RECLAIM_STEP; visited++) {
      const next = this.reclaiming.next();
      if (next.done) {
        this.reclaiming = undefined;
        this.arena.endRelocation();
        return;
      }
      const [key, location] = next.value;
      if (this.arena.isVictim(location)) this.locations.set(key, this.arena.move(location));
    }
  }
}
