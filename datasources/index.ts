/**
 * Public API of the data layer: `openStores` opens one lazily connected
 * client per department store and returns the stores' data sources, the
 * federated catalog, and health checks. The server codes against this file.
 */
import { CatalogSource } from './catalog/catalog-source.js';
import { ChangeFeed } from './change-feed.js';
import { API_KEY_INDEXES, ApiKeyStore } from './credentials/api-key-store.js';
import { APPLICATION_INDEXES, ApplicationStore } from './applications/application-store.js';
import { AnnualReportSource } from './annual-report/annual-report-source.js';
import { FederatedCatalog } from './catalog/federated-catalog.js';
import { FINANCE_INDEXES, FINANCE_PAGE_JOINS, FinanceStore } from './finance/finance-store.js';
import { OFFICE_DISCLOSURE_KINDS, OFFICE_INDEXES, OfficeStore, ORGANIZATIONS } from './office/office-store.js';
import { OFFICE_PAGE_JOINS } from './office/office-page-joins.js';
import { PERSONNEL_INDEXES, PERSONNEL_PAGE_JOINS, PersonnelStore } from './personnel/personnel-store.js';
import { PROCUREMENT_INDEXES, PROCUREMENT_PAGE_JOINS, ProcurementStore } from './procurement/procurement-store.js';
import { PUSH_INDEXES } from './push/push-indexes.js';
import { StoreConnection, type StoreConnectionConfig } from './store-connection.js';
import { STORE_NAMES, type StoreName } from './store-name.js';

export { STORE_NAMES, type StoreName } from './store-name.js';
export { SourceUnavailableError } from './errors.js';
export type { ChangeFeed, PublishedChange } from './change-feed.js';
export type { StoreCommandEvent, StoreConnectionConfig } from './store-connection.js';

/** Where each store lives: its URI, database name and timeout (and an optional command hook). */
export type StoresConfig = Record<StoreName, StoreConnectionConfig>;

/** The opened stores: one data source per store, the catalog across them, and lifecycle. */
export interface Stores {
  finance: FinanceStore;
  procurement: ProcurementStore;
  personnel: PersonnelStore;
  office: OfficeStore;
  /** API keys (kept in the office store). */
  credentials: ApiKeyStore;
  /** Applications for disclosure (依申请公开), kept in the office store. */
  applications: ApplicationStore;
  /** Annual reports (政府信息公开工作年度报告) computed from the graph. */
  annualReports: AnnualReportSource;
  /** The disclosure catalog over every store. */
  catalog: FederatedCatalog;
  /** Each store's catalog collection, by store. */
  catalogs: Record<StoreName, CatalogSource>;
  /** Whether each store answers within its timeout (for /readyz). */
  ping(): Promise<Record<StoreName, { ok: boolean; error?: string }>>;
  /** True when no store holds any catalog entry or organization (the demo data is loaded then). */
  isEmpty(): Promise<boolean>;
  /** Announcements of published changes (for caches of public reads). */
  changes: ChangeFeed;
  /** The raw connections, for the demo loader and tests. */
  connections: Record<StoreName, StoreConnection>;
  close(): Promise<void>;
}

/** Opens every store without waiting for any to answer; a store that is down is retried on each call. */
export async function openStores(config: StoresConfig): Promise<Stores> {
  const connections: Record<StoreName, StoreConnection> = {
    finance: new StoreConnection('finance', config.finance, [...FINANCE_INDEXES, ...PUSH_INDEXES]),
    procurement: new StoreConnection('procurement', config.procurement, [...PROCUREMENT_INDEXES, ...PUSH_INDEXES]),
    personnel: new StoreConnection('personnel', config.personnel, [...PERSONNEL_INDEXES, ...PUSH_INDEXES]),
    office: new StoreConnection('office', config.office, [...OFFICE_INDEXES, ...PUSH_INDEXES, API_KEY_INDEXES, APPLICATION_INDEXES]),
  };
  const catalogs: Record<StoreName, CatalogSource> = {
    finance: new CatalogSource(connections.finance),
    procurement: new CatalogSource(connections.procurement),
    personnel: new CatalogSource(connections.personnel),
    office: new CatalogSource(connections.office),
  };
  const catalog = new FederatedCatalog([
    { store: 'finance', kinds: ['ThreePublicExpenseStatement', 'FundAllocation'], catalog: catalogs.finance, joins: FINANCE_PAGE_JOINS },
    { store: 'procurement', kinds: ['Procurement'], catalog: catalogs.procurement, joins: PROCUREMENT_PAGE_JOINS },
    { store: 'personnel', kinds: ['Appointment'], catalog: catalogs.personnel, joins: PERSONNEL_PAGE_JOINS },
    { store: 'office', kinds: OFFICE_DISCLOSURE_KINDS, catalog: catalogs.office, joins: OFFICE_PAGE_JOINS },
  ]);
  return {
    finance: new FinanceStore(connections.finance),
    procurement: new ProcurementStore(connections.procurement),
    personnel: new PersonnelStore(connections.personnel),
    office: new OfficeStore(connections.office),
    credentials: new ApiKeyStore(connections.office),
    applications: new ApplicationStore(connections.office),
    annualReports: new AnnualReportSource(new OfficeStore(connections.office), new ApplicationStore(connections.office), catalog, connections.office),
    catalog,
    catalogs,
    connections,
    changes: new ChangeFeed(),
    async ping() {
      const results = await Promise.all(STORE_NAMES.map((name) => connections[name].ping()));
      return Object.fromEntries(STORE_NAMES.map((name, i) => [name, results[i]!])) as Record<StoreName, { ok: boolean; error?: string }>;
    },
    async isEmpty() {
      const counts = await Promise.all([
        ...STORE_NAMES.map((name) => catalogs[name].count({})),
        connections.office.run((db) => db.collection(ORGANIZATIONS).countDocuments({})),
      ]);
      return counts.every((n) => n === 0);
    },
    async close() {
      await Promise.all(STORE_NAMES.map((name) => connections[name].close()));
    },
  };
}
