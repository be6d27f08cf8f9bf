/**
 * The office store (党政办): organizations and the documents the office
 * publishes itself, plus its catalog.
 */
import type { DisclosureKind } from '../catalog/catalog-entry.js';
import { CATALOG_INDEXES } from '../catalog/catalog-source.js';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type DocumentJoin, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import { BROADCAST_INDEXES } from './broadcast-store.js';
import { LAND_INDEXES } from './land-store.js';
import type { OrganizationRecord, PublishedDocumentRecord } from './office-records.js';
import { POLICY_INDEXES } from './policy-store.js';
import { PORTAL_INDEXES } from './portal-store.js';
import { POWER_LIST_INDEXES } from './power-list-store.js';

export const ORGANIZATIONS = 'organizations';
export const DOCUMENTS = 'documents';

interface OrganizationDoc extends Omit<OrganizationRecord, 'id'> {
  _id: string;
}
interface DocumentDoc extends Omit<PublishedDocumentRecord, 'id'> {
  _id: string;
}

/** The kinds of disclosed record the office store keeps. */
export const OFFICE_DISCLOSURE_KINDS: readonly DisclosureKind[] = ['PublishedDocument', 'PolicyDocument', 'Interpretation', 'PowerList', 'LandRequisitionNotice', 'PortalArticle', 'Broadcast'];

/** Indexes of the office store. */
export const OFFICE_INDEXES: CollectionIndexes[] = [
  CATALOG_INDEXES,
  { collection: ORGANIZATIONS, indexes: [{ key: { parentId: 1, name: 1 }, name: 'parentId_1_name_1' }] },
  { collection: DOCUMENTS, indexes: [] },
  ...POLICY_INDEXES,
  ...POWER_LIST_INDEXES,
  ...LAND_INDEXES,
  ...PORTAL_INDEXES,
  ...BROADCAST_INDEXES,
];

function toOrganization({ _id, ...rest }: OrganizationDoc): OrganizationRecord {
  return { id: _id, ...rest };
}

const PARENT_JOIN: readonly DocumentJoin[] = [{ from: ORGANIZATIONS, localField: 'parentId', foreignField: '_id', as: 'parent' }];

/** Reads of the office store; every call is bounded by the store's timeout. */
export class OfficeStore {
  constructor(readonly connection: StoreConnection) {}

  /** Organizations with these ids, in one query; missing ids are absent. */
  async organizationsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<OrganizationRecord[]> {
    // Their parents come along into `prefetched`: an organization is rarely shown without its parent.
    const docs = await findByKeysThrough<OrganizationDoc>(this.connection, ORGANIZATIONS, ids, { prefetched, joins: PARENT_JOIN });
    return docs.map(toOrganization);
  }

  /** Direct sub-organizations of each of these parents, in one query. */
  async organizationsByParentIds(parentIds: readonly string[]): Promise<OrganizationRecord[]> {
    const docs = await this.connection.run((db) => findByKeys<OrganizationDoc>(db, ORGANIZATIONS, parentIds, 'parentId'));
    return docs.map(toOrganization);
  }

  /** Every organization, by name (the town has a few dozen). */
  async allOrganizations(): Promise<OrganizationRecord[]> {
    const docs = await this.connection.run((db) =>
      db.collection<OrganizationDoc>(ORGANIZATIONS).find({}, { sort: { name: 1, _id: 1 }, batchSize: 10_000 }).toArray(),
    );
    return docs.map(toOrganization);
  }

  /** Published documents with these ids, in one query. */
  async documentsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PublishedDocumentRecord[]> {
    const docs = await findByKeysThrough<DocumentDoc>(this.connection, DOCUMENTS, ids, { prefetched });
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
