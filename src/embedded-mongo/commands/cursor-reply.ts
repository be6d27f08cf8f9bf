/**
 * The `cursor` sub-document every cursor-returning command answers with.
 */
import type { Document, Long } from 'bson';
import { toNumber } from './arguments.js';
import type { CursorRegistry, OpenOptions } from './cursor-registry.js';

/** `{ cursor: { firstBatch, id, ns }, ok: 1 }` for the first batch read from `source`. */
export function firstBatchReply(cursors: CursorRegistry, ns: string, source: Iterator<Document>, options: OpenOptions = {}): Document {
  const batch = cursors.open(ns, source, options);
  return { cursor: { firstBatch: batch.documents, id: batch.cursorId, ns }, ok: 1 };
}

/** `{ cursor: { nextBatch, id, ns }, ok: 1 }` for a getMore. */
export function nextBatchReply(ns: string, documents: Document[], cursorId: Long): Document {
  return { cursor: { nextBatch: documents, id: cursorId, ns }, ok: 1 };
}

/** The `cursor.batchSize` option of listCollections/listIndexes/aggregate, when given. */
export function cursorBatchSize(cursorOption: unknown): number | undefined {
  if (typeof cursorOption !== 'object' || cursorOption === null) return undefined;
  const size = (cursorOption as Document).batchSize;
  return size === undefined || size === null ? undefined : toNumber(size);
}
