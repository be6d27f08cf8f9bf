/**
 * Per-request DataLoaders of the office store's record kinds: every link
 * between them (policy ↔ interpretation, replacement chains, list ↔ item,
 * reading point → deliveries) is one `$in` per batch.
 */
import DataLoader from 'dataloader';
import { CatalogSource } from '../catalog/catalog-source.js';
import type { PrefetchedDocuments } from '../prefetched-documents.js';
import type { StoreConnection } from '../store-connection.js';
import type { BroadcastRecord, DeliveryRecord, ReadingPointRecord } from './broadcast-records.js';
import type { LandNoticeRecord } from './land-records.js';
import { OfficeRecordStores } from './office-record-stores.js';
import type { InterpretationRecord, PolicyRecord } from './policy-records.js';
import { createPortalNeighbourLoader, type NeighbourRequest, type Neighbours } from './portal-neighbours.js';
import type { PortalArticleRecord } from './portal-records.js';
import type { PowerListItemRecord, PowerListRecord } from './power-list-records.js';

function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function grouped<T>(fetch: (keys: readonly string[]) => Promise<T[]>, groups: (row: T) => readonly string[]): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const buckets = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) for (const key of new Set(groups(row))) buckets.get(key)?.push(row);
    return keys.map((key) => buckets.get(key)!);
  });
}

/** The office kinds' loaders of one request. */
export interface OfficeLoaders {
  stores: OfficeRecordStores;
  policy: DataLoader<string, PolicyRecord | null>;
  /** Policies that the keyed policy replaces (the previous links of its chain). */
  policiesReplacedBy: DataLoader<string, PolicyRecord[]>;
  interpretation: DataLoader<string, InterpretationRecord | null>;
  interpretationsByPolicy: DataLoader<string, InterpretationRecord[]>;
  powerList: DataLoader<string, PowerListRecord | null>;
  powerListItem: DataLoader<string, PowerListItemRecord | null>;
  powerListItemsByList: DataLoader<string, PowerListItemRecord[]>;
  powerListItemsByOrganization: DataLoader<string, PowerListItemRecord[]>;
  landNotice: DataLoader<string, LandNoticeRecord | null>;
  landNoticesByVillage: DataLoader<string, LandNoticeRecord[]>;
  portalArticle: DataLoader<string, PortalArticleRecord | null>;
  /** Newer and older neighbours of portal items in their column; a list page's items share three catalog reads. */
  portalNeighbours: DataLoader<NeighbourRequest, Neighbours, string>;
  broadcast: DataLoader<string, BroadcastRecord | null>;
  readingPoint: DataLoader<string, ReadingPointRecord | null>;
  delivery: DataLoader<string, DeliveryRecord | null>;
  deliveriesByReadingPoint: DataLoader<string, DeliveryRecord[]>;
}

/** A fresh set of office loaders over the office store's connection, for one request; records in `prefetched` are not read again. */
export function createOfficeLoaders(connection: StoreConnection, prefetched: PrefetchedDocuments | null = null): OfficeLoaders {
  const stores = new OfficeRecordStores(connection);
  return {
    stores,
    policy: byId((ids) => stores.policies.policiesByIds(ids, prefetched)),
    policiesReplacedBy: grouped((ids) => stores.policies.policiesReplacedBy(ids), (p) => p.replacedByIds),
    interpretation: byId((ids) => stores.policies.interpretationsByIds(ids, prefetched)),
    interpretationsByPolicy: grouped((ids) => stores.policies.interpretationsByPolicyIds(ids), (i) => i.policyIds),
    powerList: byId((ids) => stores.powerLists.listsByIds(ids, prefetched)),
    powerListItem: byId((ids) => stores.powerLists.itemsByIds(ids)),
    powerListItemsByList: grouped((ids) => stores.powerLists.itemsByListIds(ids), (item) => [item.listId]),
    powerListItemsByOrganization: grouped((ids) => stores.powerLists.itemsByHandlingOrganizationIds(ids), (item) => [item.handlingOrganizationId]),
    landNotice: byId((ids) => stores.land.noticesByIds(ids, prefetched)),
    landNoticesByVillage: grouped((ids) => stores.land.noticesByVillageIds(ids), (notice) => notice.affectedVillageIds),
    portalArticle: byId((ids) => stores.portal.articlesByIds(ids, prefetched)),
    portalNeighbours: createPortalNeighbourLoader(new CatalogSource(connection)),
    broadcast: byId((ids) => stores.broadcasts.broadcastsByIds(ids, prefetched)),
    readingPoint: byId((ids) => stores.broadcasts.readingPointsByIds(ids)),
    delivery: byId((ids) => stores.broadcasts.deliveriesByIds(ids)),
    deliveriesByReadingPoint: grouped((ids) => stores.broadcasts.deliveriesByReadingPointIds(ids), (d) => [d.readingPointId]),
  };
}
