/**
 * Server-side cursors: each result stream a client reads with getMore lives
 * here under a random 64-bit id until it is exhausted, killed, or idle for
 * ten minutes (mongod's `cursorTimeoutMillis`).
 */
import { randomBytes } from 'node:crypto';
import { calculateObjectSize, Long, type Document } from 'bson';

/** Batches never exceed this many bytes of documents, as mongod's 16 MiB reply cap (one oversized document still goes alone). */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** Documents in a first batch when the client names no batchSize. */
export const DEFAULT_FIRST_BATCH = 101;
export const CURSOR_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

/** A document stream that can look one document ahead, so a batch knows whether it is the last. */
class PeekableSource {
  private lookahead: IteratorResult<Document> | null = null;

  constructor(private readonly source: Iterator<Document>) {}

  peek(): IteratorResult<Document> {
    this.lookahead ??= this.source.next();
    return this.lookahead;
  }

  take(): void {
    this.lookahead = null;
  }

  get done(): boolean {
    return this.peek().done === true;
  }

  close(): void {
    this.source.return?.();
  }
}

export interface ServerCursor {
  id: Long;
  /** `db.coll` (or `db.$cmd.listCollections`…) the cursor reads. */
  ns: string;
  source: PeekableSource;
  lastUsed: number;
  noTimeout: boolean;
}

export interface Batch {
  documents: Document[];
  /** The open cursor's id, or Long 0 when this batch ends the stream. */
  cursorId: Long;
}

export interface OpenOptions {
  /** Documents in the first batch (0 opens the cursor without reading). */
  firstBatchSize?: number;
  /** Return one batch and close the cursor whatever remains. */
  singleBatch?: boolean;
  noTimeout?: boolean;
}

/** Owns every open cursor of one server. */
export class CursorRegistry {
  private readonly cursors = new Map<string, ServerCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = CURSOR_IDLE_TIMEOUT_MS) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), Math.min(60_000, idleTimeoutMs)).unref();
  }

  /** Reads the first batch from `source`; registers a cursor only when documents may remain. */
  open(ns: string, source: Iterator<Document>, options: OpenOptions = {}): Batch {
    const peekable = new PeekableSource(source);
    const documents = takeBatch(peekable, options.firstBatchSize ?? DEFAULT_FIRST_BATCH);
    if (options.singleBatch || peekable.done) {
      peekable.close();
      return { documents, cursorId: Long.ZERO };
    }
    const id = this.newId();
    this.cursors.set(id.toString(), { id, ns, source: peekable, lastUsed: Date.now(), noTimeout: options.noTimeout ?? false });
    return { documents, cursorId: id };
  }

  /** The open cursor with this id, or undefined. */
  get(id: Long): ServerCursor | undefined {
    return this.cursors.get(id.toString());
  }

  /** Reads the next batch (`batchSize` 0: as many as fit in 16 MiB); closes the cursor when that ends the stream. */
  next(cursor: ServerCursor, batchSize: number): Batch {
    cursor.lastUsed = Date.now();
    const documents = takeBatch(cursor.source, batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY);
    if (cursor.source.done) {
      this.kill(cursor.id);
      return { documents, cursorId: Long.ZERO };
    }
    return { documents, cursorId: cursor.id };
  }

  /** Closes a cursor; false when no such cursor was open. */
  kill(id: Long): boolean {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) return false;
    this.cursors.delete(key);
    cursor.source.close();
    return true;
  }

  get size(): number {
    return this.cursors.size;
  }

  /** Closes cursors idle for longer than the timeout as of `now`. */
  sweep(now: number): void {
    for (const cursor of this.cursors.values()) {
      if (!cursor.noTimeout && now - cursor.lastUsed > this.idleTimeoutMs) this.kill(cursor.id);
    }
  }

  /** Closes every cursor and stops the idle sweeper. */
  closeAll(): void {
    clearInterval(this.sweeper);
    for (const cursor of [...this.cursors.values()]) this.kill(cursor.id);
  }

  private newId(): Long {
    for (;;) {
      const id = Long.fromBytesLE([...randomBytes(8)]).and(Long.MAX_VALUE);
      if (!id.isZero() && !this.cursors.has(id.toString())) return id;
    }
  }
}

function takeBatch(source: PeekableSource, limit: number): Document[] {
  const documents: Document[] = [];
  let bytes = 0;
  while (documents.length < limit) {
    const next = source.peek();
    if (next.done) break;
    const size = calculateObjectSize(next.value);
    if (documents.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    source.take();
    documents.push(next.value);
    bytes += size;
  }
  return documents;
}
