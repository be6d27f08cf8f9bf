/**
 * Per-request DataLoaders: every cross-link of the graph goes through one
 * of them, so a page of any size costs one `$in` query per store and record
 * type. Create a new set for every request (the cache is the request's view).
 */
import DataLoader from 'dataloader';
import type { CatalogEntry } from './catalog/catalog-entry.js';
import type { CatalogFilter } from './catalog/catalog-query.js';
import type { PartialResult } from './catalog/federated-catalog.js';
import { createOrganizationCountLoader, createOrganizationPageLoader, type OrganizationPage, type OrganizationPageRequest } from './catalog/organization-pages.js';
import type { FundAllocationRecord, ThreePublicExpenseRecord, ThreePublicStatementRecord } from './finance/finance-records.js';
import type { Stores } from './index.js';
import { createOfficeLoaders, type OfficeLoaders } from './office/office-loaders.js';
import type { OrganizationRecord, PublishedDocumentRecord } from './office/office-records.js';
import { subtreeIdsOf } from './office/organization-tree.js';
import type { AppointmentRecord, PersonRecord, PostRecord } from './personnel/personnel-records.js';
import type { ProcurementRecord, SupplierRecord } from './procurement/procurement-records.js';
import { PrefetchedDocuments } from './prefetched-documents.js';
import { STORE_NAMES, type StoreName } from './store-name.js';

/** The record (or null) for each key, in key order, as DataLoader requires. */
function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** The rows whose `group` is each key, in key order. */
function grouped<T>(keys: readonly string[], rows: T[], group: (row: T) => string | string[]): T[][] {
  const buckets = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const groups = group(row);
    for (const key of Array.isArray(groups) ? new Set(groups) : [groups]) buckets.get(key)?.push(row);
  }
  return keys.map((key) => buckets.get(key)!);
}

/** How the loaders of a request behave; the defaults batch and cache, which is what the gateway serves with. */
export interface LoaderOptions {
  /** When false, every load is its own store query and nothing is cached within the request: the N+1 shape, kept as a benchmark baseline. */
  batching?: boolean;
}

type Shape = { batch: boolean; cache: boolean };

function loader<T extends { id: string }>(shape: Shape, fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => byId(ids, await fetch(ids)), shape);
}

function groupLoader<T>(shape: Shape, fetch: (keys: readonly string[]) => Promise<T[]>, group: (row: T) => string | string[]): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => grouped(keys, await fetch(keys), group), shape);
}

/** One request's loaders, one per store and record type. */
export interface Loaders {
  organization: DataLoader<string, OrganizationRecord | null>;
  organizationChildren: DataLoader<string, OrganizationRecord[]>;
  /** The ids of an organization and of everything below it; all requested subtrees come from one read of the hierarchy. */
  organizationSubtree: DataLoader<string, string[]>;
  /** First catalog pages (no cursor) of organization scopes; scopes that share the rest of the request cost one aggregation per store. */
  organizationFirstPage: DataLoader<OrganizationPageRequest, OrganizationPage, string>;
  /** Catalog counts of organization scopes; scopes that share the rest of the filter cost one grouped count per store. */
  organizationCount: DataLoader<CatalogFilter & { organizationIds: string[] }, PartialResult<number>, string>;
  document: DataLoader<string, PublishedDocumentRecord | null>;
  person: DataLoader<string, PersonRecord | null>;
  post: DataLoader<string, PostRecord | null>;
  appointment: DataLoader<string, AppointmentRecord | null>;
  appointmentsByPerson: DataLoader<string, AppointmentRecord[]>;
  appointmentsByPost: DataLoader<string, AppointmentRecord[]>;
  postsByOrganization: DataLoader<string, PostRecord[]>;
  statementsByOrganization: DataLoader<string, ThreePublicStatementRecord[]>;
  allocationsByOrganization: DataLoader<string, FundAllocationRecord[]>;
  procurementsByBuyer: DataLoader<string, ProcurementRecord[]>;
  statement: DataLoader<string, ThreePublicStatementRecord | null>;
  expensesByStatement: DataLoader<string, ThreePublicExpenseRecord[]>;
  expense: DataLoader<string, ThreePublicExpenseRecord | null>;
  allocation: DataLoader<string, FundAllocationRecord | null>;
  procurement: DataLoader<string, ProcurementRecord | null>;
  procurementsBySupplier: DataLoader<string, ProcurementRecord[]>;
  supplier: DataLoader<string, SupplierRecord | null>;
  /** The office store's policies, power lists, land notices, portal items, broadcasts and reading points. */
  office: OfficeLoaders;
  /** Catalog entries by record id, per store (a record without an entry is not published). */
  catalogEntry: Record<StoreName, DataLoader<string, CatalogEntry | null>>;
  /** Documents this request read ahead (a catalog page's records, organizations' parents), per store; null when loaders do not batch. */
  prefetched: Record<StoreName, PrefetchedDocuments> | null;
}

/**
 * A fresh set of loaders over `stores` for one request at `now`; catalog
 * entries published after `now` are not loaded (not yet public). With
 * `{ batching: false }` the record and link loaders query once per key
 * (the nested organization catalog loaders keep batching).
 */
export function createLoaders(stores: Stores, now: Date, options: LoaderOptions = {}): Loaders {
  const on = options.batching ?? true;
  const shape: Shape = { batch: on, cache: on };
  // Reading ahead is part of batching: the N+1 baseline reads every record where it is used.
  const prefetched = on ? (Object.fromEntries(STORE_NAMES.map((name) => [name, new PrefetchedDocuments()])) as Record<StoreName, PrefetchedDocuments>) : null;
  const catalogEntry = Object.fromEntries(
    STORE_NAMES.map((name) => [name, loader(shape, async (ids) => (await stores.catalogs[name].byIds(ids)).filter((entry) => entry.publishedAt <= now))]),
  ) as Record<StoreName, DataLoader<string, CatalogEntry | null>>;
  return {
    organization: loader(shape, (ids) => stores.office.organizationsByIds(ids, prefetched?.office)),
    organizationChildren: groupLoader(shape, (ids) => stores.office.organizationsByParentIds(ids), (org) => org.parentId ?? ''),
    organizationSubtree: new DataLoader(async (ids) => subtreeIdsOf(await stores.office.allOrganizations(), ids), shape),
    organizationFirstPage: createOrganizationPageLoader(stores.catalog),
    organizationCount: createOrganizationCountLoader(stores.catalog),
    document: loader(shape, (ids) => stores.office.documentsByIds(ids, prefetched?.office)),
    person: loader(shape, (ids) => stores.personnel.peopleByIds(ids, prefetched?.personnel)),
    post: loader(shape, (ids) => stores.personnel.postsByIds(ids, prefetched?.personnel)),
    appointment: loader(shape, (ids) => stores.personnel.appointmentsByIds(ids, prefetched?.personnel)),
    appointmentsByPerson: groupLoader(shape, (ids) => stores.personnel.appointmentsByPersonIds(ids), (a) => a.personId),
    appointmentsByPost: groupLoader(shape, (ids) => stores.personnel.appointmentsByPostIds(ids), (a) => a.postId),
    postsByOrganization: groupLoader(shape, (ids) => stores.personnel.postsByOrganizationIds(ids), (p) => p.organizationId),
    statementsByOrganization: groupLoader(shape, (ids) => stores.finance.statementsByOrganizationIds(ids), (s) => s.organizationId),
    allocationsByOrganization: groupLoader(
      shape,
      (ids) => stores.finance.allocationsByOrganizationIds(ids),
      (a) => (a.recipientOrganizationId ? [a.payerId, a.recipientOrganizationId] : [a.payerId]),
    ),
    procurementsByBuyer: groupLoader(shape, (ids) => stores.procurement.releasesByBuyerIds(ids), (r) => r.buyerId),
    statement: loader(shape, (ids) => stores.finance.statementsByIds(ids, prefetched?.finance)),
    expensesByStatement: groupLoader(shape, (ids) => stores.finance.expensesByStatementIds(ids, prefetched?.finance), (e) => e.statementId),
    expense: loader(shape, (ids) => stores.finance.expensesByIds(ids)),
    allocation: loader(shape, (ids) => stores.finance.allocationsByIds(ids, prefetched?.finance)),
    procurement: loader(shape, (ids) => stores.procurement.releasesByIds(ids, prefetched?.procurement)),
    procurementsBySupplier: groupLoader(
      shape,
      (ids) => stores.procurement.releasesBySupplierIds(ids),
      (release) => release.awards.flatMap((award) => award.suppliers.map((s) => s.id)),
    ),
    supplier: loader(shape, (ids) => stores.procurement.suppliersByIds(ids, prefetched?.procurement)),
    office: createOfficeLoaders(stores.connections.office, prefetched?.office ?? null),
    catalogEntry,
    prefetched,
  };
}
