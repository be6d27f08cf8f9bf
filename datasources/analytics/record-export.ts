/**
 * Record datasets for exports, read through a driver cursor in batches so
 * that a million rows pass through in constant memory: each row is a flat
 * record of column values (money as exact decimal text). Only published
 * records are read: live collections hold nothing else, and records whose
 * publication is scheduled after the request's clock are left out.
 */
import type { Db, Document, FindCursor } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import type { Stores } from '../index.js';
import type { StoreName } from '../store-name.js';
import { KIND_DEFINITIONS } from './analytics-kinds.js';
import type { AnalyticsFilter, AnalyticsKind } from './analytics-request.js';
import { decimalText } from './decimal-arithmetic.js';

/** A column of an exported dataset: the field it reads, its English name and its Chinese name. */
export interface ExportColumn {
  field: string;
  name: string;
  chinese: string;
}

/** A record dataset that can be exported. */
export interface RecordDataset {
  kind: AnalyticsKind;
  store: StoreName;
  collection: string;
  columns: readonly ExportColumn[];
  /** Fields holding Decimal128 money. */
  money: readonly string[];
  /** Order of the rows: a unique key, so the file is the same on every run. */
  sort: Document;
}

/** The exportable record datasets, by route name. */
export const RECORD_DATASETS = {
  'three-public-expenses': {
    kind: 'EXPENSE',
    store: 'finance',
    collection: KIND_DEFINITIONS.EXPENSE.collection,
    columns: [
      { field: '_id', name: 'id', chinese: '编号' },
      { field: 'organizationId', name: 'organizationId', chinese: '组织机构' },
      { field: 'statementId', name: 'statementId', chinese: '公开表' },
      { field: 'phase', name: 'phase', chinese: '预算/决算' },
      { field: 'year', name: 'year', chinese: '年度' },
      { field: 'month', name: 'month', chinese: '月份' },
      { field: 'item', name: 'item', chinese: '三公项目' },
      { field: 'amount', name: 'amount', chinese: '金额(元)' },
      { field: 'groups', name: 'groups', chinese: '团组数' },
      { field: 'travellers', name: 'travellers', chinese: '人数' },
      { field: 'vehiclesPurchased', name: 'vehiclesPurchased', chinese: '购置数' },
      { field: 'vehiclesHeld', name: 'vehiclesHeld', chinese: '保有量' },
      { field: 'receptions', name: 'receptions', chinese: '接待批次' },
      { field: 'guests', name: 'guests', chinese: '接待人数' },
    ],
    money: ['amount'],
    sort: { _id: 1 },
  },
  'fund-allocations': {
    kind: 'ALLOCATION',
    store: 'finance',
    collection: KIND_DEFINITIONS.ALLOCATION.collection,
    columns: [
      { field: '_id', name: 'id', chinese: '编号' },
      { field: 'payerId', name: 'payerId', chinese: '拨款单位' },
      { field: 'recipientOrganizationId', name: 'recipientOrganizationId', chinese: '收款单位' },
      { field: 'recipientProject', name: 'recipientProject', chinese: '项目名称' },
      { field: 'purpose', name: 'purpose', chinese: '用途' },
      { field: 'amount', name: 'amount', chinese: '金额(元)' },
      { field: 'date', name: 'date', chinese: '日期' },
      { field: 'documentNumber', name: 'documentNumber', chinese: '文号' },
    ],
    money: ['amount'],
    sort: { _id: 1 },
  },
  appointments: {
    kind: 'APPOINTMENT',
    store: 'personnel',
    collection: KIND_DEFINITIONS.APPOINTMENT.collection,
    columns: [
      { field: '_id', name: 'id', chinese: '编号' },
      { field: 'action', name: 'action', chinese: '任职/免职' },
      { field: 'personId', name: 'personId', chinese: '人员' },
      { field: 'postId', name: 'postId', chinese: '职务' },
      { field: 'decidedById', name: 'decidedById', chinese: '决定机关' },
      { field: 'effectiveDate', name: 'effectiveDate', chinese: '生效日期' },
      { field: 'documentNumber', name: 'documentNumber', chinese: '文号' },
    ],
    money: [],
    sort: { _id: 1 },
  },
} as const satisfies Record<string, RecordDataset>;

export type RecordDatasetName = keyof typeof RECORD_DATASETS;

/** One exported row: the column values in column order (null for a missing value). */
export type ExportRow = Array<string | number | null>;

/** Rows of a dataset being read, and how to stop early. */
export interface RecordRows {
  rows: AsyncIterable<ExportRow>;
  close(): Promise<void>;
}

async function hiddenIds(db: Db, kind: AnalyticsKind, visibleAt: Date): Promise<string[]> {
  const published = KIND_DEFINITIONS[kind].published;
  if (!published) return [];
  const docs = await db
    .collection<{ _id: string }>(CATALOG_COLLECTION)
    .find({ publishedAt: { $gt: visibleAt }, kind: published.kind }, { projection: { _id: 1 } })
    .toArray();
  return docs.map((d) => d._id);
}

function query(dataset: RecordDataset, filter: AnalyticsFilter, hidden: string[]): Document {
  const definition = KIND_DEFINITIONS[dataset.kind];
  const and = definition.match(filter);
  if (definition.published && hidden.length > 0) and.push({ [definition.published.idField]: { $nin: hidden } });
  return and.length === 0 ? {} : { $and: and };
}

function toRow(dataset: RecordDataset, doc: Document): ExportRow {
  return dataset.columns.map(({ field }) => {
    const value = doc[field] as unknown;
    if (value === null || value === undefined) return null;
    if ((dataset.money as readonly string[]).includes(field)) return decimalText(value);
    return typeof value === 'number' || typeof value === 'string' ? value : decimalText(value);
  });
}

/** Counts the rows `filter` selects (public exports are capped by it before any row is sent). */
export async function countRecords(stores: Pick<Stores, 'connections'>, name: RecordDatasetName, filter: AnalyticsFilter, visibleAt: Date): Promise<number> {
  const dataset: RecordDataset = RECORD_DATASETS[name];
  return stores.connections[dataset.store].run(async (db) => db.collection(dataset.collection).countDocuments(query(dataset, filter, await hiddenIds(db, dataset.kind, visibleAt))), {
    timeoutMS: 60_000,
  });
}

/**
 * Opens the rows of a dataset: the first batch is read within the store's
 * timeout (a store that is down fails here, before anything is sent); the
 * rest is read batch by batch as the consumer pulls. Small batches keep
 * each one short-lived, so the documents die young instead of being
 * promoted to the old generation while the response drains.
 */
export async function openRecordRows(stores: Pick<Stores, 'connections'>, name: RecordDatasetName, filter: AnalyticsFilter, visibleAt: Date, batchSize = 100): Promise<RecordRows> {
  const dataset: RecordDataset = RECORD_DATASETS[name];
  const cursor = await stores.connections[dataset.store].run(async (db) => {
    const opened: FindCursor<Document> = db
      .collection(dataset.collection)
      .find(query(dataset, filter, await hiddenIds(db, dataset.kind, visibleAt)), { sort: dataset.sort, batchSize, projection: Object.fromEntries(dataset.columns.map((c) => [c.field, 1])) });
    await opened.hasNext();
    return opened;
  });
  async function* rows(): AsyncIterable<ExportRow> {
    try {
      for await (const doc of cursor) yield toRow(dataset, doc);
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }
  return { rows: rows(), close: () => cursor.close() };
}
