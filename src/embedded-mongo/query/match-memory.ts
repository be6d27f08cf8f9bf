/**
 * Which query last matched a document. The positional update operator `$`
 * needs the query that selected the document; when the caller does not pass
 * it to applyUpdate, the query is found here. A small ring of the most
 * recent matches (by object identity) keeps the cost at two array writes
 * per match; it holds at most RING_SIZE documents alive.
 */
import type { Document } from 'bson';

const RING_SIZE = 4096;
const docs: unknown[] = new Array(RING_SIZE).fill(null);
const queries: (Document | null)[] = new Array(RING_SIZE).fill(null);
let next = 0;

/** Notes that `query` matched `doc`. */
export function rememberMatch(doc: unknown, query: Document): void {
  docs[next] = doc;
  queries[next] = query;
  next = (next + 1) & (RING_SIZE - 1);
}

/** The query that most recently matched this very object, if it is among the last RING_SIZE matches. */
export function queryThatMatched(doc: unknown): Document | undefined {
  for (let i = 1; i <= RING_SIZE; i++) {
    const j = (next - i) & (RING_SIZE - 1);
    if (docs[j] === doc) return queries[j] ?? undefined;
  }
  return undefined;
}
