import type { Document } from 'bson';

/**
 * One change to the durable state, as the engine journals it and as recovery
 * hands it back. `put` carries the document's BSON bytes untouched; on replay
 * they are a view into a read buffer (copy them, as `RecordStore.setBytes`
 * does, rather than keeping many small views of large buffers alive).
 */
export type LogRecord =
  | { op: 'createCollection'; db: string; coll: string; options: Document }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: Document }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'put'; db: string; coll: string; key: string; bytes: Uint8Array }
  | { op: 'delete'; db: string; coll: string; key: string };

/** Record op codes on disk; never renumber them, files written earlier depend on them. */
export const OpCode = {
  createCollection: 1,
  dropCollection: 2,
  dropDatabase: 3,
  createIndex: 4,
  dropIndex: 5,
  put: 6,
  delete: 7,
  /** Last record of a complete snapshot file; carries the number of records before it. */
  snapshotEnd: 127,
} as const;
