/** What the push, review and withdrawal paths need of the data layer: each store's connection, the change feed, the record kinds. */
import type { ChangeFeed } from '../change-feed.js';
import type { StoreConnection } from '../store-connection.js';
import type { StoreName } from '../store-name.js';
import type { RecordKindRegistry } from './record-kind.js';

/** The stores' connections, where published changes are announced, and the registry of kinds. */
export interface PushDependencies {
  connections: Record<StoreName, StoreConnection>;
  changes: ChangeFeed;
  kinds: RecordKindRegistry;
}
