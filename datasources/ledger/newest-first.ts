/**
 * Pages newest first across stores: each store answers its first `limit + 1`
 * documents after the cursor in (time, _id) descending order, and the pages
 * are merged. Ids are unique across stores (they name the kind, which has
 * one store), so (time, id) is one total order and the cursor one position.
 */
import type { Document } from 'mongodb';
import { SourceUnavailableError } from '../errors.js';

/** A position in a newest-first order. */
export interface TimePosition {
  at: Date;
  id: string;
}

/** The condition "strictly older than `position`" on `field` (then `_id`). */
export function olderThan(field: string, position: TimePosition): Document {
  return { $or: [{ [field]: { $lt: position.at } }, { [field]: position.at, _id: { $lt: position.id } }] };
}

/** A merged page and the stores that did not answer. */
export interface MergedPage<T> {
  items: T[];
  hasNextPage: boolean;
  unavailable: SourceUnavailableError[];
}

function newerFirst(a: TimePosition, b: TimePosition): number {
  return b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Merges the stores' pages (each sorted newest first, at most `first + 1` long) into the first `first` overall. */
export async function mergeNewestFirst<T>(reads: ReadonlyArray<() => Promise<T[]>>, positionOf: (item: T) => TimePosition, first: number): Promise<MergedPage<T>> {
  const settled = await Promise.allSettled(reads.map((read) => read()));
  const all: T[] = [];
  const unavailable: SourceUnavailableError[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') all.push(...result.value);
    else if (result.reason instanceof SourceUnavailableError) unavailable.push(result.reason);
    else throw result.reason;
  }
  all.sort((a, b) => newerFirst(positionOf(a), positionOf(b)));
  return { items: all.slice(0, first), hasNextPage: all.length > first, unavailable };
}
