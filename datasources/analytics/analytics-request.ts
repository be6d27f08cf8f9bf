/**
 * What an analytics question is, in the data layer's terms: a record kind,
 * typed filter values, grouping dimensions and measures, all from closed
 * sets. Nothing here is ever a field name or an operator chosen by a client.
 */
import type { CategoryCode, DisclosureKind } from '../catalog/catalog-entry.js';
import type { BudgetPhase, ThreePublicItem } from '../finance/finance-records.js';
import type { AppointmentAction } from '../personnel/personnel-records.js';
import type { ProcurementMethod } from '../procurement/procurement-records.js';

/** The record kinds that have measures. */
export type AnalyticsKind = 'EXPENSE' | 'ALLOCATION' | 'PROCUREMENT' | 'APPOINTMENT' | 'CATALOG_ITEM';

/** Every grouping dimension; each kind accepts a subset (see `KIND_DEFINITIONS`). */
export const DIMENSIONS = [
  'ORGANIZATION',
  'RECIPIENT_ORGANIZATION',
  'ORGANIZATION_LEVEL',
  'YEAR',
  'QUARTER',
  'MONTH',
  'EXPENSE_ITEM',
  'BUDGET_PHASE',
  'PERIOD_TYPE',
  'PROCUREMENT_METHOD',
  'SUPPLIER',
  'CATEGORY',
  'KIND',
  'ACTION',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A group's key: the value of each grouped dimension (null when the records have none, e.g. the month of an annual line). */
export type GroupKey = Partial<Record<Dimension, string | number | null>>;

/** Measures per kind (names shared with the GraphQL group fields). */
export const MEASURES = {
  EXPENSE: ['amount', 'groups', 'travellers', 'vehiclesPurchased', 'vehiclesHeld', 'receptions', 'guests'],
  ALLOCATION: ['amount'],
  PROCUREMENT: ['tenderValue', 'awardValue', 'tenderers'],
  APPOINTMENT: [],
  CATALOG_ITEM: [],
} as const satisfies Record<AnalyticsKind, readonly string[]>;
export type MeasureName<K extends AnalyticsKind = AnalyticsKind> = (typeof MEASURES)[K][number];

/** Conditions on the records; every present condition must hold. Dates are YYYY-MM-DD (China time for catalog publication). */
export interface AnalyticsFilter {
  /** Records of these organizations (already expanded to sub-organizations by the caller); for allocations the payer, for procurement the buyer, for appointments the deciding organization. */
  organizationIds?: string[];
  recipientOrganizationIds?: string[];
  /** Inclusive year range. */
  yearFrom?: number;
  yearTo?: number;
  months?: number[];
  /** Inclusive date range (kinds dated by day). */
  dateFrom?: string;
  dateTo?: string;
  phases?: BudgetPhase[];
  items?: ThreePublicItem[];
  /** Monthly statement lines only, or annual ones only. */
  periodType?: 'MONTHLY' | 'ANNUAL';
  procurementMethods?: ProcurementMethod[];
  /** Exact text of 政府采购法's method name, e.g. 竞争性谈判. */
  procurementMethodDetails?: string;
  supplierIds?: string[];
  recipientProject?: string;
  purpose?: string;
  actions?: AppointmentAction[];
  documentNumber?: string;
  categories?: CategoryCode[];
  kinds?: DisclosureKind[];
}

/** One aggregation: records of `kind` matching `filter`, grouped by `groupBy`, with `measures` summarised. */
export interface AggregationRequest {
  kind: AnalyticsKind;
  filter: AnalyticsFilter;
  groupBy: Dimension[];
  measures: string[];
  /** The request's clock: records whose publication is scheduled after it are left out. */
  visibleAt: Date;
}

/** Summary of one measure over a group: exact sum, number of values (nulls excluded), min and max, all decimal text. */
export interface MeasureSummary {
  sum: string;
  values: number;
  min: string | null;
  max: string | null;
}

/** One group of records and its measures. */
export interface AggregateGroup {
  key: GroupKey;
  /** Number of records (rows) in the group. */
  count: number;
  measures: Record<string, MeasureSummary>;
}
