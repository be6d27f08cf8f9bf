/**
 * The contract between the command layer (`../commands`, which speaks the
 * wire protocol's command documents and reply shapes) and the storage engine
 * (this folder, which owns databases, collections, indexes and durability).
 *
 * The engine validates the semantics (duplicate keys, immutable `_id`,
 * unknown namespaces) and throws `CommandError` with mongod's codes; the
 * command layer validates the command document's own shape and builds the
 * reply. Documents cross this boundary as plain BSON-deserialized values
 * (`bson` classes for ObjectId, Decimal128, Long, …), never as buffers.
 *
 * Read paths return lazy iterators so that a cursor streams: the command
 * layer pulls `batchSize` documents per `getMore` and drops the iterator on
 * `killCursors`. Writes resolve only once they are durable (journal fsync)
 * when the engine runs with a data directory.
 */
import type { Document } from 'bson';

/** `db.collection`, split. */
export interface Namespace {
  db: string;
  coll: string;
}

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  /** 0 or absent: no limit. */
  limit?: number;
  hint?: Document | string;
  collation?: Document;
}

/** One entry of an insert/update/delete command's `writeErrors`. */
export interface WriteError {
  index: number;
  code: number;
  codeName?: string;
  errmsg: string;
  keyPattern?: Document;
  keyValue?: Document;
}

export interface WriteResult {
  /** insert: documents inserted; update: documents matched (+ upserted); delete: documents removed. */
  n: number;
  /** update only: documents actually changed. */
  nModified?: number;
  /** update only: `{ index, _id }` for each statement that upserted. */
  upserted?: { index: number; _id: unknown }[];
  writeErrors?: WriteError[];
}

export interface UpdateStatement {
  q: Document;
  /** An update-operator document, a replacement document, or an aggregation pipeline. */
  u: Document | Document[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
  hint?: Document | string;
  collation?: Document;
}

export interface DeleteStatement {
  q: Document;
  /** 0: all matches; 1: the first match. */
  limit: 0 | 1;
  hint?: Document | string;
  collation?: Document;
}

export interface FindAndModifySpec {
  query?: Document;
  sort?: Document;
  remove?: boolean;
  update?: Document | Document[];
  new?: boolean;
  fields?: Document;
  upsert?: boolean;
  arrayFilters?: Document[];
}

export interface FindAndModifyResult {
  value: Document | null;
  lastErrorObject: { n: number; updatedExisting?: boolean; upserted?: unknown };
}

/** As `listIndexes` reports it: `{ v: 2, key, name, unique?, sparse?, partialFilterExpression? }`. */
export interface IndexSpec {
  v?: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

export interface CreateIndexesResult {
  createdCollectionAutomatically: boolean;
  numIndexesBefore: number;
  numIndexesAfter: number;
  note?: string;
}

export interface CollectionInfo {
  name: string;
  type: 'collection';
  options: Document;
  info: { readOnly: false; uuid?: unknown };
  idIndex: IndexSpec;
}

export interface DatabaseInfo {
  name: string;
  sizeOnDisk: number;
  empty: boolean;
}

export interface AggregateSpec {
  pipeline: Document[];
  allowDiskUse?: boolean;
  collation?: Document;
  let?: Document;
  hint?: Document | string;
}

/** Counters the engine keeps for `serverStatus`. */
export interface EngineStats {
  databases: number;
  collections: number;
  documents: number;
  /** Bytes of BSON held, as `dataSize` would report. */
  dataBytes: number;
  journalBytes: number;
  /** Documents fetched to be tested against a filter, since start. */
  documentsExamined?: number;
  /** Index entries (and `_id` lookups) visited, since start. */
  keysExamined?: number;
}

export interface Engine {
  listDatabases(): DatabaseInfo[];
  dropDatabase(db: string): Promise<void>;
  /** `filter` as the `listCollections` command's, applied to the CollectionInfo documents. */
  listCollections(db: string, filter?: Document): CollectionInfo[];
  /** Throws NamespaceExists (48) when it exists. */
  createCollection(ns: Namespace, options: Document): Promise<void>;
  /** Resolves false when there was no such collection (the command then answers NamespaceNotFound 26). */
  dropCollection(ns: Namespace): Promise<boolean>;

  /** Creates the collection on first write. Each document gets an ObjectId `_id` when it has none. */
  insert(ns: Namespace, docs: Document[], ordered: boolean): Promise<WriteResult>;
  update(ns: Namespace, statements: UpdateStatement[], ordered: boolean): Promise<WriteResult>;
  delete(ns: Namespace, statements: DeleteStatement[], ordered: boolean): Promise<WriteResult>;
  findAndModify(ns: Namespace, spec: FindAndModifySpec): Promise<FindAndModifyResult>;

  /** A lazy stream of matching documents; an unknown collection yields nothing. */
  find(ns: Namespace, spec: FindSpec): Iterator<Document>;
  /** `ns.coll` is null for a database-level aggregate (`aggregate: 1`). */
  aggregate(ns: { db: string; coll: string | null }, spec: AggregateSpec): Iterator<Document>;
  count(ns: Namespace, filter: Document, skip?: number, limit?: number): number;
  distinct(ns: Namespace, key: string, filter: Document): unknown[];
  /**
   * The same answers as aggregate/count/distinct, for the command layer:
   * whatever must be read in full before the first result (the input of a
   * pipeline's first `$group`/`$sort`/…, a count's or distinct's matches) is
   * read in slices with the event loop handed back between them, so the
   * server keeps answering other connections (heartbeats included).
   */
  aggregateAsync(ns: { db: string; coll: string | null }, spec: AggregateSpec): Promise<Iterator<Document>>;
  countAsync(ns: Namespace, filter: Document, skip?: number, limit?: number): Promise<number>;
  distinctAsync(ns: Namespace, key: string, filter: Document): Promise<unknown[]>;

  createIndexes(ns: Namespace, specs: IndexSpec[]): Promise<CreateIndexesResult>;
  /** Throws NamespaceNotFound (26) for an unknown collection. */
  listIndexes(ns: Namespace): IndexSpec[];
  /** `'*'` drops all but `_id_`; a key pattern or name(s) drop those; throws IndexNotFound (27). */
  dropIndexes(ns: Namespace, which: string | string[] | Document): Promise<{ nIndexesWas: number }>;

  stats(): EngineStats;
  /** The explain document of a find (`queryPlanner.winningPlan.stage`: IDHACK, IXSCAN with `indexName`, COLLSCAN, EOF) with its `executionStats`. */
  explainFind?(ns: Namespace, spec: FindSpec): Document;
  /** Flushes and closes the journal; the engine is unusable afterwards. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Directory for the journal and snapshots; absent: in memory only. */
  dbPath?: string;
}
