/**
 * The per-request context every resolver receives: one fixed `now`, the
 * stores, and a fresh set of DataLoaders (so one request never sees another's
 * cache, and every cross-link of the request is batched per store and type).
 */
import type { Stores } from '../datasources/index.js';
import { createLoaders, type Loaders } from '../datasources/loaders.js';

export type { Loaders } from '../datasources/loaders.js';

/** What a resolver may use: request id, the request's clock, stores and loaders. */
export interface GatewayContext {
  requestId: string;
  now: Date;
  stores: Stores;
  loaders: Loaders;
}

/** A context for one request; `now` defaults to the current time and stays fixed for the whole request. */
export function createContext(stores: Stores, options: { requestId: string; now?: Date }): GatewayContext {
  const now = options.now ?? new Date();
  return { requestId: options.requestId, now, stores, loaders: createLoaders(stores, now) };
}
