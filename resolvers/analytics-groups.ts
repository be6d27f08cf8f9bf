/**
 * Shapes merged groups for the graph: the measures a query selects, the
 * order asked for, the first N groups, the total over all of them, and the
 * missing stores reported beside the data.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { AggregateGroup, AnalyticsKind, Dimension, GroupKey } from '../datasources/analytics/analytics-request.js';
import { MEASURES } from '../datasources/analytics/analytics-request.js';
import type { AggregationResult } from '../datasources/analytics/analytics-service.js';
import { totalOf } from '../datasources/analytics/partial-groups.js';
import { compareDecimal, divideDecimal } from '../datasources/analytics/decimal-arithmetic.js';
import type { GatewayContext } from '../src/context.js';
import type { AggregateOrder } from '../schema/analytics-filters.input.js';
import { type AggregateMeasure, AggregateOrderBy } from '../schema/analytics-enums.js';
import { OrderDirection } from '../schema/ordering.enums.js';
import { badUserInput } from './bad-user-input.js';
import { childFields, loadGroupLinks, type GroupLinks } from './group-links.js';

/** Groups returned when `first` is not given, and the most that may be asked for. */
export const DEFAULT_GROUPS = 100;
export const MAX_FIRST_GROUPS = 10_000;

const MEASURE_NAMES: Record<AggregateMeasure, string> = {
  AMOUNT: 'amount',
  GROUPS: 'groups',
  TRAVELLERS: 'travellers',
  VEHICLES_PURCHASED: 'vehiclesPurchased',
  VEHICLES_HELD: 'vehiclesHeld',
  RECEPTIONS: 'receptions',
  GUESTS: 'guests',
  TENDER_VALUE: 'tenderValue',
  AWARD_VALUE: 'awardValue',
  TENDERERS: 'tenderers',
};

/**
 * The kind's measures that the query selects on its groups or its total
 * (plus the one it orders by), so the store computes only those. Only the
 * fields of `groups` and `total` count: `groups` is also the name of a 三公
 * measure (团组数), and must not be mistaken for it one level up.
 */
export function selectedMeasures(kind: AnalyticsKind, info: GraphQLResolveInfo, order: AggregateOrder | null | undefined): string[] {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const field of childFields(node.selectionSet, info)) {
      if (field.name.value !== 'groups' && field.name.value !== 'total') continue;
      for (const measure of childFields(field.selectionSet, info)) names.add(measure.name.value);
    }
  }
  const own: readonly string[] = MEASURES[kind];
  const ordered = order?.measure ? [MEASURE_NAMES[order.measure]] : [];
  return own.filter((m) => names.has(m) || ordered.includes(m));
}

/** `first`, checked. */
export function groupLimit(first: number | null | undefined): number {
  const n = first ?? DEFAULT_GROUPS;
  if (!Number.isInteger(n) || n < 0 || n > MAX_FIRST_GROUPS) {
    throw badUserInput('first', `\`first\` must be 0 to ${MAX_FIRST_GROUPS} groups, got ${n}.`, { limit: MAX_FIRST_GROUPS, actual: n });
  }
  return n;
}

/** The order's measure, checked against the kind. */
export function checkOrder(kind: AnalyticsKind, order: AggregateOrder | null | undefined): void {
  if (!order) return;
  const needsMeasure = order.by !== AggregateOrderBy.KEY && order.by !== AggregateOrderBy.COUNT;
  if (needsMeasure && !order.measure) throw badUserInput('orderBy.measure', `Ordering by ${order.by} needs a measure.`);
  if (order.measure && !(MEASURES[kind] as readonly string[]).includes(MEASURE_NAMES[order.measure])) {
    throw badUserInput('orderBy.measure', `These records have no measure ${order.measure}.`);
  }
}

/** Strings in UTF-8 byte order, as the stores sort them: code point order, read where the strings first differ. */
function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

function compareKeyValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareStrings(String(a), String(b));
}

function compareKeys(a: GroupKey, b: GroupKey, dimensions: readonly Dimension[]): number {
  for (const d of dimensions) {
    const c = compareKeyValues(a[d], b[d]);
    if (c !== 0) return c;
  }
  return 0;
}

function statistic(group: AggregateGroup, by: AggregateOrderBy, measure: string): string | null {
  if (by === AggregateOrderBy.COUNT) return String(group.count);
  const summary = group.measures[measure];
  if (!summary) return null;
  if (by === AggregateOrderBy.SUM) return summary.sum;
  if (by === AggregateOrderBy.MIN) return summary.min;
  if (by === AggregateOrderBy.MAX) return summary.max;
  return divideDecimal(summary.sum, String(summary.values), 6);
}

/** Groups in the order asked for; ties (and KEY) by key ascending. */
export function orderGroups(groups: AggregateGroup[], dimensions: readonly Dimension[], order: AggregateOrder | null | undefined): AggregateGroup[] {
  const direction = order?.direction === OrderDirection.DESC ? -1 : 1;
  const by = order?.by ?? AggregateOrderBy.KEY;
  const measure = order?.measure ? MEASURE_NAMES[order.measure] : '';
  return [...groups].sort((a, b) => {
    if (by === AggregateOrderBy.KEY) return direction * compareKeys(a.key, b.key, dimensions);
    const x = statistic(a, by, measure);
    const y = statistic(b, by, measure);
    const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : compareDecimal(x, y);
    return c !== 0 ? direction * c : compareKeys(a.key, b.key, dimensions);
  });
}

/** The record loaded for a key's id (undefined: not loaded, so the field asks the loaders), or null when the key has none. */
function linked<T>(records: Map<string, T> | undefined, id: unknown): T | null | undefined {
  return typeof id === 'string' ? records?.get(id) : null;
}

const orNull = (value: string | number | null | undefined) => (value === undefined ? null : value);

/**
 * A group key as `AggregateGroupKey` reads it: scalar dimensions as plain
 * properties (read by GraphQL's default resolver, the cheapest path for
 * thousands of groups), organizations and suppliers by id, with the records
 * when `links` holds them (else the field asks the loaders).
 */
export function keyValue(key: GroupKey, links?: GroupLinks): Record<string, unknown> {
  return {
    organization: linked(links?.organization, key.ORGANIZATION),
    recipientOrganization: linked(links?.recipientOrganization, key.RECIPIENT_ORGANIZATION),
    supplier: linked(links?.supplier, key.SUPPLIER),
    organizationId: orNull(key.ORGANIZATION),
    recipientOrganizationId: orNull(key.RECIPIENT_ORGANIZATION),
    supplierId: orNull(key.SUPPLIER),
    organizationLevel: orNull(key.ORGANIZATION_LEVEL),
    year: orNull(key.YEAR),
    quarter: orNull(key.QUARTER),
    month: orNull(key.MONTH),
    item: orNull(key.EXPENSE_ITEM),
    phase: orNull(key.BUDGET_PHASE),
    periodType: orNull(key.PERIOD_TYPE),
    procurementMethod: orNull(key.PROCUREMENT_METHOD),
    category: orNull(key.CATEGORY),
    kind: orNull(key.KIND),
    action: orNull(key.ACTION),
  };
}

/** A group as the group types read it: the key, the count and each measure as its own field. */
export function groupValue(group: AggregateGroup, links?: GroupLinks): Record<string, unknown> {
  return { key: keyValue(group.key, links), count: group.count, ...group.measures };
}

/** Totals already merged, per groups array (a cached answer's groups are the same array on every hit) and measures. */
const totals = new WeakMap<readonly AggregateGroup[], Map<string, AggregateGroup>>();

/** The total over `groups`, merged once per groups array and measures. */
function totalOfGroups(groups: readonly AggregateGroup[], measures: readonly string[]): AggregateGroup {
  let byMeasures = totals.get(groups);
  if (!byMeasures) totals.set(groups, (byMeasures = new Map()));
  const key = measures.join(',');
  let total = byMeasures.get(key);
  if (!total) byMeasures.set(key, (total = totalOf(groups, measures)));
  return total;
}

/** The value of an aggregation field; missing stores are reported at the field's path. */
export async function aggregateValue(
  result: AggregationResult,
  extraUnavailable: AggregationResult['unavailable'],
  request: { groupBy: Dimension[]; measures: string[]; order: AggregateOrder | null | undefined; first: number },
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  const unavailable = [...extraUnavailable, ...result.unavailable];
  for (const error of unavailable) context.partial.report(error, info.path);
  const shown = orderGroups(result.groups, request.groupBy, request.order).slice(0, request.first);
  const links = await loadGroupLinks(shown, context, info);
  return {
    groups: shown.map((group) => groupValue(group, links)),
    // A getter: the total is merged only when the query selects it.
    get total() {
      return groupValue(totalOfGroups(result.groups, request.measures));
    },
    groupCount: result.groups.length,
    complete: unavailable.length === 0,
    missingSources: [...new Set(unavailable.map((e) => e.source))],
  };
}
