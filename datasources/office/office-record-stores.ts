/** The office store's record kinds of issue 7 (policies, power lists, land notices, portal items, broadcasts), over one connection. */
import type { StoreConnection } from '../store-connection.js';
import { BroadcastStore } from './broadcast-store.js';
import { LandStore } from './land-store.js';
import { PolicyStore } from './policy-store.js';
import { PortalStore } from './portal-store.js';
import { PowerListStore } from './power-list-store.js';

/** One data source per area of the office store's records, all on the office store's connection. */
export class OfficeRecordStores {
  readonly policies: PolicyStore;
  readonly powerLists: PowerListStore;
  readonly land: LandStore;
  readonly portal: PortalStore;
  readonly broadcasts: BroadcastStore;

  constructor(connection: StoreConnection) {
    this.policies = new PolicyStore(connection);
    this.powerLists = new PowerListStore(connection);
    this.land = new LandStore(connection);
    this.portal = new PortalStore(connection);
    this.broadcasts = new BroadcastStore(connection);
  }
}
