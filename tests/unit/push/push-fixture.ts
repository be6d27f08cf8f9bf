/**
 * The push path over the driver, without the HTTP layer: each store on one
 * embedded server in memory (its own database), the push collections'
 * indexes, a change feed that remembers what it announced, principals of
 * every role, and builders of valid records.
 */
import { ChangeFeed, type PublishedChange } from '../../../datasources/change-feed.js';
import type { Principal } from '../../../datasources/principal.js';
import { PushDesk } from '../../../datasources/push/push-desk.js';
import { PUSH_INDEXES } from '../../../datasources/push/push-indexes.js';
import { StoreConnection, type StoreCommandEvent } from '../../../datasources/store-connection.js';
import { STORE_NAMES, type StoreName } from '../../../datasources/store-name.js';
import { FINANCE_INDEXES } from '../../../datasources/finance/finance-store.js';
import { PERSONNEL_INDEXES } from '../../../datasources/personnel/personnel-store.js';
import { PROCUREMENT_INDEXES } from '../../../datasources/procurement/procurement-store.js';
import { CATALOG_INDEXES } from '../../../datasources/catalog/catalog-source.js';
import { ORGANIZATIONS } from '../../../datasources/office/office-store.js';
import type { CollectionIndexes } from '../../../datasources/store-connection.js';

/** Each store's own indexes (the office store's catalog only: its records are not pushed here). */
const STORE_INDEXES: Record<StoreName, CollectionIndexes[]> = { finance: FINANCE_INDEXES, procurement: PROCUREMENT_INDEXES, personnel: PERSONNEL_INDEXES, office: [CATALOG_INDEXES] };
import { startTestMongo, type TestMongo } from '../../helpers/mongo.js';

export const FINANCE_ORG = 'org-neicuo-czs';
export const PLANNING_ORG = 'org-neicuo-gjb';
/** The organization directory of these stores: the town and its two offices. */
const DIRECTORY = ['org-neicuo', FINANCE_ORG, PLANNING_ORG];

function principal(id: string, fields: Partial<Principal>): Principal {
  return { id, role: 'department', organizationId: null, stores: [], sourceSystem: null, publishesDirectly: false, via: 'api-key', ...fields };
}

/** The finance office's accounting system (财务核算系统): writes finance records of its own organization, reviewed before publication. */
export const FINANCE_DEPT = principal('key:finance', { organizationId: FINANCE_ORG, stores: ['finance'], sourceSystem: '财务核算系统' });
/** The planning office, which publishes directly (直接公开). */
export const PLANNING_DIRECT = principal('key:planning', { organizationId: PLANNING_ORG, stores: ['finance', 'procurement'], sourceSystem: '规建办系统', publishesDirectly: true });
export const REVIEWER = principal('key:reviewer', { role: 'reviewer', via: 'jwt' });
export const ADMIN = principal('key:admin', { role: 'admin' });

export interface PushFixture {
  mongo: TestMongo;
  connections: Record<StoreName, StoreConnection>;
  desk: PushDesk;
  announced: PublishedChange[];
  commands: StoreCommandEvent[];
  stop(): Promise<void>;
}

/** Starts the stores and the desk; `stop()` in `afterAll`. */
export async function startPushFixture(): Promise<PushFixture> {
  const mongo = await startTestMongo();
  const commands: StoreCommandEvent[] = [];
  const connections = Object.fromEntries(
    STORE_NAMES.map((store) => [
      store,
      new StoreConnection(store, { uri: mongo.uri, dbName: mongo.dbName(store), timeoutMS: 10_000, onCommand: (e) => commands.push(e) }, [...STORE_INDEXES[store], ...PUSH_INDEXES]),
    ]),
  ) as Record<StoreName, StoreConnection>;
  // The organization directory holds the organizations the push tests name.
  await connections.office.run((db) => db.collection<{ _id: string; name: string; parentId: null }>(ORGANIZATIONS).insertMany(DIRECTORY.map((_id) => ({ _id, name: _id, parentId: null }))));
  const changes = new ChangeFeed();
  const announced: PublishedChange[] = [];
  changes.subscribe((change) => announced.push(change));
  return {
    mongo,
    connections,
    desk: new PushDesk({ connections, changes }),
    announced,
    commands,
    async stop() {
      await Promise.all(STORE_NAMES.map((s) => connections[s].close()));
      await mongo.stop();
    },
  };
}

/** A valid monthly 三公 statement of `organizationId` (fields only; wrap with `record`). */
export function statementFields(organizationId: string, month: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    phase: 'FINAL',
    year: 2016,
    month,
    items: [
      { item: 'VEHICLE_OPERATION', amount: '1200.50', vehiclesHeld: 6 },
      { item: 'OFFICIAL_RECEPTION', amount: '800.00', receptions: 3, guests: 12 },
    ],
    ...overrides,
  };
}

/** One pushed record. */
export function record(sourceId: string, version: unknown, fields: Record<string, unknown>) {
  return { sourceId, version, fields };
}
