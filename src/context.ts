/**
 * The per-request context every resolver receives: one fixed `now`, the
 * stores, a fresh set of DataLoaders (so one request never sees another's
 * cache, and every cross-link of the request is batched per store and type),
 * and the collector of the parts of the result that are missing.
 */
import type { Stores } from '../datasources/index.js';
import { createLoaders, type Loaders } from '../datasources/loaders.js';
import { PUBLIC_PRINCIPAL, type Principal } from '../datasources/principal.js';
import { PartialResults } from './errors.js';

export type { Loaders } from '../datasources/loaders.js';

/** What a resolver may use: request id, the request's clock, stores, loaders and the partial-results collector. */
export interface GatewayContext {
  requestId: string;
  now: Date;
  stores: Stores;
  loaders: Loaders;
  /** Who is calling (the public when no credential was presented); fixed for the request. */
  principal: Principal;
  /** Where a resolver reports a store that did not answer (`context.partial.report(error, info.path)`) instead of failing its field. */
  partial: PartialResults;
}

/** A context for one request; `now` defaults to the current time and stays fixed for the whole request. */
export function createContext(stores: Stores, options: { requestId: string; now?: Date; principal?: Principal }): GatewayContext {
  const now = options.now ?? new Date();
  return {
    requestId: options.requestId,
    now,
    stores,
    loaders: createLoaders(stores, now),
    principal: options.principal ?? PUBLIC_PRINCIPAL,
    partial: new PartialResults(),
  };
}
