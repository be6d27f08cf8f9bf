/** The procurement store (政府采购): OCDS releases and suppliers, plus its catalog. */
import type { Document } from 'mongodb';
import { CATALOG_INDEXES } from '../catalog/catalog-source.js';
import { fromDecimal128 } from '../decimal-money.js';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type DocumentJoin, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { MoneyValue, ProcurementRecord, SupplierRecord } from './procurement-records.js';

export const RELEASES = 'releases';
export const SUPPLIERS = 'suppliers';

/** Indexes of the procurement store. */
export const PROCUREMENT_INDEXES: CollectionIndexes[] = [
  CATALOG_INDEXES,
  {
    collection: RELEASES,
    indexes: [
      { key: { ocid: 1 }, name: 'ocid_1', unique: true },
      { key: { 'awards.suppliers.id': 1 }, name: 'awards.suppliers.id_1' },
      { key: { buyerId: 1 }, name: 'buyerId_1' },
      // Analysts' date ranges over every buyer.
      { key: { date: 1 }, name: 'date_1' },
    ],
  },
  { collection: SUPPLIERS, indexes: [{ key: { creditCode: 1 }, name: 'creditCode_1', unique: true }] },
];

function value(stored: Document): MoneyValue {
  return { amount: fromDecimal128(stored.amount), currency: stored.currency };
}

function toProcurement(doc: Document): ProcurementRecord {
  return {
    id: doc._id,
    ocid: doc.ocid,
    tag: doc.tag,
    date: doc.date,
    buyerId: doc.buyerId,
    tender: { ...doc.tender, value: value(doc.tender.value) },
    awards: (doc.awards as Document[]).map((a) => ({ ...a, value: value(a.value) }) as ProcurementRecord['awards'][number]),
    contracts: (doc.contracts as Document[]).map((c) => ({ ...c, value: value(c.value) }) as ProcurementRecord['contracts'][number]),
  };
}

/** The records of the procurement store's kind, read with a catalog page: a release and the suppliers of its awards. */
export const PROCUREMENT_PAGE_JOINS: readonly DocumentJoin[] = [
  { from: RELEASES, localField: '_id', foreignField: '_id', as: 'releases' },
  { from: SUPPLIERS, localField: 'releases.awards.suppliers.id', foreignField: '_id', as: 'suppliers' },
];

/** Reads of the procurement store; each method is one query bounded by the store's timeout. */
export class ProcurementStore {
  constructor(readonly connection: StoreConnection) {}

  /** Releases with these ids. */
  async releasesByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<ProcurementRecord[]> {
    return (await findByKeysThrough<Document>(this.connection, RELEASES, ids, { prefetched })).map(toProcurement);
  }

  /** Suppliers with these ids. */
  async suppliersByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<SupplierRecord[]> {
    const docs = await findByKeysThrough<Document>(this.connection, SUPPLIERS, ids, { prefetched });
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }) as SupplierRecord);
  }

  /** Releases whose buyer is any of these organizations. */
  async releasesByBuyerIds(buyerIds: readonly string[]): Promise<ProcurementRecord[]> {
    return (await this.connection.run((db) => findByKeys<Document>(db, RELEASES, buyerIds, 'buyerId'))).map(toProcurement);
  }

  /** Releases in which any of these suppliers won an award. */
  async releasesBySupplierIds(supplierIds: readonly string[]): Promise<ProcurementRecord[]> {
    return (await this.connection.run((db) => findByKeys<Document>(db, RELEASES, supplierIds, 'awards.suppliers.id'))).map(toProcurement);
  }
}
