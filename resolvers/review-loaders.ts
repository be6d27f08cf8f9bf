/**
 * Per-request loaders of the review desk: submissions by live record id and
 * ledger entries by id, per store, batched like the graph's own loaders.
 * Kept beside the request's context (not in it), so the shared loader set
 * stays as it is.
 */
import DataLoader from 'dataloader';
import type { LedgerEntryDoc } from '../datasources/ledger/ledger-entry.js';
import { PushDesk } from '../datasources/push/push-desk.js';
import type { SubmissionDoc } from '../datasources/push/submission.js';
import type { StoreName } from '../datasources/store-name.js';
import type { GatewayContext } from '../src/context.js';

interface ReviewLoaders {
  desk: PushDesk;
  submissionByRecord: Map<StoreName, DataLoader<string, SubmissionDoc | null>>;
  ledgerEntry: Map<StoreName, DataLoader<string, LedgerEntryDoc | null>>;
  revisions: Map<StoreName, DataLoader<string, LedgerEntryDoc[]>>;
}

const perRequest = new WeakMap<GatewayContext, ReviewLoaders>();

function of(context: GatewayContext): ReviewLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = { desk: new PushDesk(context.stores), submissionByRecord: new Map(), ledgerEntry: new Map(), revisions: new Map() };
    perRequest.set(context, loaders);
  }
  return loaders;
}

function perStore<V>(map: Map<StoreName, DataLoader<string, V>>, store: StoreName, make: () => DataLoader<string, V>): DataLoader<string, V> {
  let loader = map.get(store);
  if (!loader) {
    loader = make();
    map.set(store, loader);
  }
  return loader;
}

/** The push desk of the request. */
export function deskOf(context: GatewayContext): PushDesk {
  return of(context).desk;
}

/** The submission whose live record is `recordId` in `store`, or null. */
export function submissionOfRecord(context: GatewayContext, store: StoreName, recordId: string): Promise<SubmissionDoc | null> {
  const loaders = of(context);
  return perStore(loaders.submissionByRecord, store, () => new DataLoader(async (ids) => {
    const found = new Map((await loaders.desk.submissions.byRecordIds(store, ids)).map((s) => [s.recordId, s]));
    return ids.map((id) => found.get(id) ?? null);
  })).load(recordId);
}

/** The ledger entry `id` of `store`, or null. */
export function ledgerEntry(context: GatewayContext, store: StoreName, id: string): Promise<LedgerEntryDoc | null> {
  const loaders = of(context);
  return perStore(loaders.ledgerEntry, store, () => new DataLoader(async (ids) => {
    const found = new Map((await loaders.desk.ledger.byIds(store, ids)).map((e) => [e._id, e]));
    return ids.map((i) => found.get(i) ?? null);
  })).load(id);
}

/** Every ledger entry of live record `recordId` in `store`, oldest first. */
export function revisionsOf(context: GatewayContext, store: StoreName, recordId: string): Promise<LedgerEntryDoc[]> {
  const loaders = of(context);
  return perStore(loaders.revisions, store, () => new DataLoader(async (ids) => {
    const entries = await loaders.desk.ledger.ofRecords(store, ids);
    return ids.map((id) => entries.filter((e) => e.recordId === id));
  })).load(recordId);
}

/** Drops the request's review loaders (after a write). */
export function forgetReviewLoaders(context: GatewayContext): void {
  perRequest.delete(context);
}
