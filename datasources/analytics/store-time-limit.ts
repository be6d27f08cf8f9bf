/**
 * The per-store time limit of analytical reads. `maxTimeMS` asks the store
 * to stop (a real MongoDB does; the embedded server ignores it), and the data
 * layer stops waiting at the same limit, closes the cursor and answers a
 * clear error, so a runaway aggregation never hangs a request.
 */
import { MongoServerError, type AbstractCursor } from 'mongodb';
import type { StoreName } from '../store-name.js';

/** An analytical read took longer than its store's time limit; `source` names the store, `limit` the milliseconds allowed. */
export class StoreTimeLimitError extends Error {
  readonly code = 'STORE_TIME_LIMIT_EXCEEDED';
  readonly source: StoreName;
  readonly limit: number;

  constructor(source: StoreName, limit: number) {
    super(`The ${source} store did not finish the aggregation within its time limit of ${limit} ms; narrow the filter or group by fewer dimensions.`);
    this.name = 'StoreTimeLimitError';
    this.source = source;
    this.limit = limit;
  }
}

/** MongoDB's MaxTimeMSExpired. */
const MAX_TIME_MS_EXPIRED = 50;

/** Reads every document of `cursor` within `limitMS`, or closes it and rejects with StoreTimeLimitError (also when the store itself reports maxTimeMS expired). */
export async function readWithinTimeLimit<T>(store: StoreName, limitMS: number, cursor: AbstractCursor<T>): Promise<T[]> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeLimitError(store, limitMS)), limitMS);
  });
  const reading = cursor.toArray();
  // The losing side of the race must not become an unhandled rejection.
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, expired]);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) throw new StoreTimeLimitError(store, limitMS);
    if (error instanceof StoreTimeLimitError) await cursor.close().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
