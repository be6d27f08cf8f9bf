import type { Document } from 'bson';
import { type Journal, type LogRecord, openJournal } from '../storage/index.js';
import type { Catalog } from './catalog.js';
import { normalizeIndexSpec } from './index-spec.js';
import type { IndexSpec } from './types.js';

/** Applies one recovered record to the catalog; indexes are declared empty and built once replay is over. */
function replayRecord(catalog: Catalog, record: LogRecord, scratch: LogRecord[]): void {
  switch (record.op) {
    case 'createCollection':
      if (!catalog.get(record)) catalog.create(record, record.options, scratch);
      break;
    case 'dropCollection':
      catalog.drop(record, scratch);
      break;
    case 'dropDatabase':
      catalog.dropDatabase(record.db, scratch);
      break;
    case 'createIndex': {
      const coll = catalog.obtain(record, scratch).coll;
      coll.declareIndex(normalizeIndexSpec(record.spec as IndexSpec));
      break;
    }
    case 'dropIndex':
      catalog.get(record)?.indexes.delete(record.name);
      break;
    case 'put':
      catalog.obtain(record, scratch).coll.store.setBytes(record.key, record.bytes);
      break;
    case 'delete':
      catalog.get(record)?.store.delete(record.key);
      break;
  }
  scratch.length = 0;
}

/** The records that rebuild the catalog's current state, captured now: keys and bytes are copied synchronously (bytes are never overwritten), records are made lazily. */
function captureState(catalog: Catalog): Iterable<LogRecord> {
  const parts = catalog.allCollections().map((coll) => {
    const keys: string[] = [];
    const bytes: Uint8Array[] = [];
    for (const [k, b] of coll.store.entries()) {
      keys.push(k);
      bytes.push(b);
    }
    return { db: coll.db, coll: coll.name, options: coll.options as Document, specs: [...coll.indexes.values()].map((i) => i.spec), keys, bytes };
  });
  return (function* () {
    for (const p of parts) {
      yield { op: 'createCollection', db: p.db, coll: p.coll, options: p.options };
      for (const spec of p.specs) yield { op: 'createIndex', db: p.db, coll: p.coll, spec };
      for (let i = 0; i < p.keys.length; i++) yield { op: 'put', db: p.db, coll: p.coll, key: p.keys[i]!, bytes: p.bytes[i]! };
    }
  })();
}

/**
 * The engine's link to its data directory: recovery into the catalog at
 * open, then durable appends with background compaction. Errors of a
 * background compaction are kept and reported by `close`.
 */
export class Durability {
  private compaction: Promise<void> | undefined;
  private compactionError: unknown;

  private constructor(
    private readonly journal: Journal,
    private readonly catalog: Catalog,
  ) {}

  /** Opens `dbPath`, replays it into `catalog` and builds every index. */
  static async open(dbPath: string, catalog: Catalog): Promise<Durability> {
    const scratch: LogRecord[] = [];
    const journal = await openJournal(dbPath, (record) => replayRecord(catalog, record, scratch));
    for (const coll of catalog.allCollections()) coll.rebuildIndexes();
    return new Durability(journal, catalog);
  }

  get bytesOnDisk(): number {
    return this.journal.bytesOnDisk;
  }

  /** Resolves once `records` are durable; may start a compaction afterwards. */
  async append(records: LogRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.journal.append(records);
    if (this.compaction === undefined && this.journal.shouldCompact()) void this.compact();
  }

  /** Snapshots the current state and drops the journal it covers (joins a running compaction); resolves when done. */
  compact(): Promise<void> {
    this.compaction ??= this.journal
      .compact(() => captureState(this.catalog))
      .catch((error: unknown) => {
        this.compactionError = error;
      })
      .finally(() => {
        this.compaction = undefined;
      });
    return this.compaction;
  }

  async close(): Promise<void> {
    await this.compaction;
    await this.journal.close();
    if (this.compactionError !== undefined) throw this.compactionError;
  }
}
