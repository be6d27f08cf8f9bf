/**
 * Disclosed records as the graph serves them: the record from its store
 * joined with its catalog entry, tagged with its GraphQL type. Records of a
 * page are loaded per kind through the request's loaders (one `$in` each).
 */
import type { CatalogEntry, DisclosureKind } from '../datasources/catalog/catalog-entry.js';
import type { Loaders } from '../datasources/loaders.js';
import type { StoreName } from '../datasources/store-name.js';
import type { FundAllocationRecord, ThreePublicStatementRecord } from '../datasources/finance/finance-records.js';
import type { PublishedDocumentRecord } from '../datasources/office/office-records.js';
import type { AppointmentRecord } from '../datasources/personnel/personnel-records.js';
import type { ProcurementRecord } from '../datasources/procurement/procurement-records.js';
import { OFFICE_KIND_STORES, officeRecordLoader, type OfficeRecordByKind } from './office-disclosed-kinds.js';

interface RecordByKind extends OfficeRecordByKind {
  Appointment: AppointmentRecord;
  ThreePublicExpenseStatement: ThreePublicStatementRecord;
  FundAllocation: FundAllocationRecord;
  Procurement: ProcurementRecord;
  PublishedDocument: PublishedDocumentRecord;
}

/** A record of kind K with its catalog metadata and its GraphQL type name. */
export type Disclosed<K extends DisclosureKind = DisclosureKind> = RecordByKind[K] & CatalogEntry & { __typename: K };

/** The store that keeps each kind. */
export const STORE_OF_KIND: Record<DisclosureKind, StoreName> = {
  Appointment: 'personnel',
  ThreePublicExpenseStatement: 'finance',
  FundAllocation: 'finance',
  Procurement: 'procurement',
  PublishedDocument: 'office',
  ...OFFICE_KIND_STORES,
};

interface RecordLoader {
  load(id: string): Promise<{ id: string } | null>;
  prime(id: string, record: never): unknown;
}

function recordLoader(kind: DisclosureKind, loaders: Loaders): RecordLoader {
  switch (kind) {
    case 'Appointment':
      return loaders.appointment;
    case 'ThreePublicExpenseStatement':
      return loaders.statement;
    case 'FundAllocation':
      return loaders.allocation;
    case 'Procurement':
      return loaders.procurement;
    case 'PublishedDocument':
      return loaders.document;
    default:
      return officeRecordLoader(kind, loaders.office);
  }
}

function join(entry: CatalogEntry, record: { id: string }): Disclosed {
  return { ...record, ...entry, id: record.id, __typename: entry.kind } as Disclosed;
}

/** The records of catalog entries, in entry order; an entry whose record cannot be loaded becomes the Error that says why. */
export async function disclosedOfEntries(entries: readonly CatalogEntry[], loaders: Loaders): Promise<(Disclosed | Error)[]> {
  return Promise.all(
    entries.map(async (entry) => {
      try {
        const record = await recordLoader(entry.kind, loaders).load(entry.id);
        return record ? join(entry, record) : new Error(`Catalog entry ${entry.id} names a ${entry.kind} that its store does not hold`);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}

/** The published ones among records of `kind` already loaded (they are primed into the request's loader, so only their catalog entries are fetched). */
export async function publishedOf<K extends DisclosureKind>(kind: K, records: readonly RecordByKind[K][], loaders: Loaders): Promise<Disclosed<K>[]> {
  const loader = recordLoader(kind, loaders);
  for (const record of records) loader.prime(record.id, record as never);
  const found = await Promise.all(records.map((record) => disclosedById(kind, record.id, loaders)));
  return found.filter((d) => d !== null) as unknown as Disclosed<K>[];
}

/** The published record of `kind` with record id `id`, or null when it does not exist or has no catalog entry (not published). */
export async function disclosedById(kind: DisclosureKind, id: string, loaders: Loaders): Promise<Disclosed | null> {
  const [record, entry] = await Promise.all([recordLoader(kind, loaders).load(id), loaders.catalogEntry[STORE_OF_KIND[kind]].load(id)]);
  return record && entry && entry.kind === kind ? join(entry, record) : null;
}
