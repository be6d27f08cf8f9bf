/**
 * How each record kind is aggregated in its store: the collection, the
 * expression behind each dimension, the field behind each measure, and the
 * `$match` for a typed filter. Expressions and field paths are constants of
 * this file; filter values only ever appear as operands of `$eq`, `$in` and
 * range operators, so a value such as `{"$gt": 1}` or `$where` is data.
 */
import type { Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import type { DisclosureKind } from '../catalog/catalog-entry.js';
import { ALLOCATIONS, EXPENSES } from '../finance/finance-store.js';
import { APPOINTMENTS } from '../personnel/personnel-store.js';
import { RELEASES } from '../procurement/procurement-store.js';
import type { StoreName } from '../store-name.js';
import type { AnalyticsFilter, AnalyticsKind, Dimension } from './analytics-request.js';

/** A measure's field in the grouped documents, and whether records may lack it (null). */
export interface MeasureField {
  path: string;
  nullable: boolean;
}

/** Everything the pipeline builder needs to know about one kind. */
export interface KindDefinition {
  /** The stores holding the kind ('every' for catalog items, which every store keeps). */
  stores: readonly StoreName[];
  collection: string;
  /** The catalog kind whose scheduled (not yet visible) entries must be left out, and the record field holding the entry id; none for the catalog itself. */
  published: { kind: DisclosureKind; idField: string } | null;
  dimensions: Partial<Record<Dimension, unknown>>;
  measures: Record<string, MeasureField>;
  /** Conditions for the filter (without the visibility condition). */
  match(filter: AnalyticsFilter): Document[];
  /** Stages between `$match` and `$group` for this grouping (e.g. unwinding awards per supplier). */
  prepare(groupBy: readonly Dimension[]): Document[];
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Year and month of a YYYY-MM-DD field. */
function datePartExpressions(field: string) {
  const month = { $toInt: { $substrBytes: [field, 5, 2] } };
  return {
    YEAR: { $toInt: { $substrBytes: [field, 0, 4] } },
    QUARTER: { $ceil: { $divide: [month, 3] } },
    MONTH: month,
  };
}

/** Range and month conditions on a YYYY-MM-DD field. */
function dateMatch(field: string, filter: AnalyticsFilter): Document[] {
  const and: Document[] = [];
  const range: Document = {};
  if (filter.yearFrom !== undefined) range.$gte = `${String(filter.yearFrom).padStart(4, '0')}-01-01`;
  if (filter.yearTo !== undefined) range.$lte = `${String(filter.yearTo).padStart(4, '0')}-12-31`;
  if (range.$gte !== undefined || range.$lte !== undefined) and.push({ [field]: range });
  const days: Document = {};
  if (filter.dateFrom !== undefined) days.$gte = filter.dateFrom;
  if (filter.dateTo !== undefined) days.$lte = filter.dateTo;
  if (days.$gte !== undefined || days.$lte !== undefined) and.push({ [field]: days });
  if (filter.months) and.push({ $expr: { $in: [{ $toInt: { $substrBytes: [`$${field}`, 5, 2] } }, filter.months] } });
  return and;
}

function inList(field: string, values: readonly (string | number)[] | undefined): Document[] {
  return values ? [{ [field]: { $in: [...values] } }] : [];
}

function equal(field: string, value: string | undefined): Document[] {
  return value !== undefined ? [{ [field]: { $eq: value } }] : [];
}

const EXPENSE: KindDefinition = {
  stores: ['finance'],
  collection: EXPENSES,
  published: { kind: 'ThreePublicExpenseStatement', idField: 'statementId' },
  dimensions: {
    ORGANIZATION: '$organizationId',
    YEAR: '$year',
    QUARTER: { $cond: [{ $eq: ['$month', null] }, null, { $ceil: { $divide: ['$month', 3] } }] },
    MONTH: '$month',
    EXPENSE_ITEM: '$item',
    BUDGET_PHASE: '$phase',
    PERIOD_TYPE: { $cond: [{ $eq: ['$month', null] }, 'ANNUAL', 'MONTHLY'] },
  },
  measures: {
    amount: { path: '$amount', nullable: false },
    groups: { path: '$groups', nullable: true },
    travellers: { path: '$travellers', nullable: true },
    vehiclesPurchased: { path: '$vehiclesPurchased', nullable: true },
    vehiclesHeld: { path: '$vehiclesHeld', nullable: true },
    receptions: { path: '$receptions', nullable: true },
    guests: { path: '$guests', nullable: true },
  },
  match(filter) {
    const and: Document[] = [...inList('organizationId', filter.organizationIds), ...inList('phase', filter.phases), ...inList('item', filter.items)];
    const years: Document = {};
    if (filter.yearFrom !== undefined) years.$gte = filter.yearFrom;
    if (filter.yearTo !== undefined) years.$lte = filter.yearTo;
    if (Object.keys(years).length > 0) and.push({ year: years });
    if (filter.months) and.push({ month: { $in: [...filter.months] } });
    if (filter.periodType === 'ANNUAL') and.push({ month: { $eq: null } });
    if (filter.periodType === 'MONTHLY') and.push({ month: { $gte: 1 } });
    return and;
  },
  prepare: () => [],
};

const ALLOCATION: KindDefinition = {
  stores: ['finance'],
  collection: ALLOCATIONS,
  published: { kind: 'FundAllocation', idField: '_id' },
  dimensions: { ORGANIZATION: '$payerId', RECIPIENT_ORGANIZATION: '$recipientOrganizationId', ...datePartExpressions('$date') },
  measures: { amount: { path: '$amount', nullable: false } },
  match: (filter) => [
    ...inList('payerId', filter.organizationIds),
    ...inList('recipientOrganizationId', filter.recipientOrganizationIds),
    ...equal('recipientProject', filter.recipientProject),
    ...equal('purpose', filter.purpose),
    ...dateMatch('date', filter),
  ],
  prepare: () => [],
};

/** The value of a release's active awards (an award that is pending, cancelled or unsuccessful was not won). */
const ACTIVE_AWARD_VALUE = {
  $sum: { $map: { input: { $filter: { input: '$awards', as: 'a', cond: { $eq: ['$$a.status', 'active'] } } }, as: 'a', in: '$$a.value.amount' } },
};

const PROCUREMENT: KindDefinition = {
  stores: ['procurement'],
  collection: RELEASES,
  published: { kind: 'Procurement', idField: '_id' },
  dimensions: {
    ORGANIZATION: '$buyerId',
    ...datePartExpressions('$date'),
    PROCUREMENT_METHOD: '$tender.procurementMethod',
    SUPPLIER: '$supplierId',
  },
  measures: {
    tenderValue: { path: '$tenderValue', nullable: false },
    awardValue: { path: '$awardValue', nullable: false },
    tenderers: { path: '$tenderers', nullable: false },
  },
  match: (filter) => [
    ...inList('buyerId', filter.organizationIds),
    ...inList('tender.procurementMethod', filter.procurementMethods),
    ...equal('tender.procurementMethodDetails', filter.procurementMethodDetails),
    ...inList('awards.suppliers.id', filter.supplierIds),
    ...dateMatch('date', filter),
  ],
  prepare(groupBy) {
    const common = { buyerId: 1, date: 1, 'tender.procurementMethod': 1, tenderValue: '$tender.value.amount', tenderers: '$tender.numberOfTenderers' };
    if (!groupBy.includes('SUPPLIER')) return [{ $project: { ...common, awardValue: ACTIVE_AWARD_VALUE } }];
    // Per supplier: one row per (active award, supplier named in it), carrying the award's full value.
    return [
      { $unwind: '$awards' },
      { $match: { 'awards.status': 'active' } },
      { $unwind: '$awards.suppliers' },
      { $project: { ...common, awardValue: '$awards.value.amount', supplierId: '$awards.suppliers.id' } },
    ];
  },
};

const APPOINTMENT: KindDefinition = {
  stores: ['personnel'],
  collection: APPOINTMENTS,
  published: { kind: 'Appointment', idField: '_id' },
  dimensions: { ORGANIZATION: '$decidedById', ...datePartExpressions('$effectiveDate'), ACTION: '$action' },
  measures: {},
  match: (filter) => [
    ...inList('decidedById', filter.organizationIds),
    ...inList('action', filter.actions),
    ...equal('documentNumber', filter.documentNumber),
    ...dateMatch('effectiveDate', filter),
  ],
  prepare: () => [],
};

/** A catalog entry's publication time in China Standard Time, as the calendar parts are read there. */
const CHINA_PUBLISHED_AT = { $add: ['$publishedAt', CHINA_OFFSET_MS] };

/** Midnight China time of YYYY-MM-DD. */
function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const CATALOG_ITEM: KindDefinition = {
  stores: ['finance', 'procurement', 'personnel', 'office'],
  collection: CATALOG_COLLECTION,
  published: null,
  dimensions: {
    ORGANIZATION: '$organizationId',
    YEAR: { $year: CHINA_PUBLISHED_AT },
    QUARTER: { $ceil: { $divide: [{ $month: CHINA_PUBLISHED_AT }, 3] } },
    MONTH: { $month: CHINA_PUBLISHED_AT },
    CATEGORY: '$category',
    KIND: '$kind',
  },
  measures: {},
  match(filter) {
    const and: Document[] = [...inList('organizationId', filter.organizationIds), ...inList('category', filter.categories), ...inList('kind', filter.kinds)];
    const range: Document = {};
    if (filter.yearFrom !== undefined) range.$gte = chinaMidnight(`${String(filter.yearFrom).padStart(4, '0')}-01-01`);
    if (filter.yearTo !== undefined) range.$lt = chinaMidnight(`${String(filter.yearTo + 1).padStart(4, '0')}-01-01`);
    if (Object.keys(range).length > 0) and.push({ publishedAt: range });
    const days: Document = {};
    if (filter.dateFrom !== undefined) days.$gte = chinaMidnight(filter.dateFrom);
    if (filter.dateTo !== undefined) days.$lt = chinaMidnight(nextDay(filter.dateTo));
    if (Object.keys(days).length > 0) and.push({ publishedAt: days });
    if (filter.months) and.push({ $expr: { $in: [{ $month: CHINA_PUBLISHED_AT }, filter.months] } });
    return and;
  },
  prepare: () => [],
};

/** The definition of every kind. */
export const KIND_DEFINITIONS: Record<AnalyticsKind, KindDefinition> = { EXPENSE, ALLOCATION, PROCUREMENT, APPOINTMENT, CATALOG_ITEM };

/** The disclosure kind (as the change feed names it) whose records an aggregation of `kind` sums; null for catalog items, which count entries of every kind. */
export function disclosureKindOf(kind: AnalyticsKind): DisclosureKind | null {
  return KIND_DEFINITIONS[kind].published?.kind ?? null;
}

/** Dimensions a kind can be grouped by: those with an expression, plus the organization's level when it has an organization. */
export function dimensionsOf(kind: AnalyticsKind): Dimension[] {
  const own = Object.keys(KIND_DEFINITIONS[kind].dimensions) as Dimension[];
  return own.includes('ORGANIZATION') ? [...own, 'ORGANIZATION_LEVEL'] : own;
}
