/**
 * Reads after a write in the same request see the write: every DataLoader of
 * the request is emptied after a push, review or withdrawal (a change can
 * alter any record, list or count that the request cached), and so are the
 * review desk's own loaders of the request.
 */
import DataLoader from 'dataloader';
import { PrefetchedDocuments } from '../datasources/prefetched-documents.js';
import type { GatewayContext } from '../src/context.js';
import { forgetReviewLoaders } from './review-loaders.js';

function clearAll(value: unknown, depth = 0): void {
  if (value instanceof DataLoader || value instanceof PrefetchedDocuments) {
    value.clearAll();
    return;
  }
  // Loaders and read-ahead documents grouped per store (`catalogEntry.finance`, `prefetched.office`) sit one level down.
  if (depth === 0 && value !== null && typeof value === 'object') for (const inner of Object.values(value)) clearAll(inner, depth + 1);
}

/** Empties the request's cached reads after a write. */
export function clearRequestLoaders(context: GatewayContext): void {
  for (const loader of Object.values(context.loaders)) clearAll(loader);
  forgetReviewLoaders(context);
}
