/**
 * The comparisons analysts ask of 三公 figures, computed from exact groups:
 * budget against final accounts per item, a period against the same period a
 * year earlier, and running cost per vehicle held. The rules (which figure
 * stands for a year, what a zero base gives) are stated here and in the
 * GraphQL field descriptions.
 */
import type { StoreAnalytics } from './analytics-service.js';
import type { AggregateGroup, AnalyticsFilter, Dimension, GroupKey } from './analytics-request.js';
import type { SourceUnavailableError } from '../errors.js';
import { addDecimal, divideDecimal, isZeroDecimal, subtractDecimal } from './decimal-arithmetic.js';
import { keyIdentity } from './partial-groups.js';

/** Decimal places of a rate of change (0.0919 = +9.19 %). */
export const RATE_PLACES = 4;

/** A figure compared with its base: difference = value − base; rate = difference ÷ base, null when the base is zero or either side is missing. */
export interface Comparison {
  key: GroupKey;
  base: string | null;
  value: string | null;
  difference: string | null;
  rate: string | null;
}

/** Running cost of one organization's vehicles in a year. */
export interface VehicleCost {
  organizationId: string;
  runningCost: string;
  vehiclesHeld: number | null;
  costPerVehicle: string | null;
}

function compare(key: GroupKey, base: string | null, value: string | null): Comparison {
  const difference = base !== null && value !== null ? subtractDecimal(value, base) : null;
  const rate = difference !== null && base !== null && !isZeroDecimal(base) ? divideDecimal(difference, base, RATE_PLACES) : null;
  return { key, base, value, difference, rate };
}

/**
 * The figure of each organization for a year: its annual line where it has
 * one, otherwise the sum of its monthly lines (an annual statement already
 * contains the months, so both are never added). Groups must carry
 * ORGANIZATION and PERIOD_TYPE; the result keeps the other dimensions.
 */
export function yearFigures(groups: readonly AggregateGroup[], dimensions: readonly Dimension[]): Map<string, { key: GroupKey; amount: string }> {
  const annual = new Map<string, { key: GroupKey; amount: string }>();
  const monthly = new Map<string, { key: GroupKey; amount: string }>();
  const withOrganization = [...dimensions.filter((d) => d !== 'ORGANIZATION'), 'ORGANIZATION'] as Dimension[];
  for (const group of groups) {
    const target = group.key.PERIOD_TYPE === 'ANNUAL' ? annual : monthly;
    const identity = keyIdentity(group.key, withOrganization);
    const seen = target.get(identity);
    const amount = group.measures.amount?.sum ?? '0';
    target.set(identity, { key: group.key, amount: seen ? addDecimal(seen.amount, amount) : amount });
  }
  for (const [identity, figure] of monthly) if (!annual.has(identity)) annual.set(identity, figure);
  // Summed over organizations unless the organization is one of the dimensions.
  const result = new Map<string, { key: GroupKey; amount: string }>();
  for (const figure of annual.values()) {
    const key: GroupKey = {};
    for (const d of dimensions) key[d] = figure.key[d] ?? null;
    const identity = keyIdentity(key, dimensions);
    const seen = result.get(identity);
    result.set(identity, { key, amount: seen ? addDecimal(seen.amount, figure.amount) : figure.amount });
  }
  return result;
}

/** Comparisons of 三公 figures over the stores; each method also returns the stores that did not answer. */
export class ExpenseComparisons {
  constructor(private readonly analytics: StoreAnalytics) {}

  /** Budget (预算) against final accounts (决算) of `year`, per item (and organization when `byOrganization`). */
  async budgetVsFinal(filter: AnalyticsFilter, year: number, byOrganization: boolean, visibleAt: Date): Promise<{ rows: Comparison[]; unavailable: SourceUnavailableError[] }> {
    const result = await this.analytics.aggregate({
      kind: 'EXPENSE',
      filter: { ...filter, yearFrom: year, yearTo: year, phases: ['BUDGET', 'FINAL'] },
      groupBy: ['ORGANIZATION', 'EXPENSE_ITEM', 'BUDGET_PHASE', 'PERIOD_TYPE'],
      measures: ['amount'],
      visibleAt,
    });
    const dimensions: Dimension[] = byOrganization ? ['ORGANIZATION', 'EXPENSE_ITEM'] : ['EXPENSE_ITEM'];
    const budget = yearFigures(result.groups.filter((g) => g.key.BUDGET_PHASE === 'BUDGET'), dimensions);
    const final = yearFigures(result.groups.filter((g) => g.key.BUDGET_PHASE === 'FINAL'), dimensions);
    return { rows: this.pair(budget, final, dimensions), unavailable: result.unavailable };
  }

  /**
   * Figures of `year` against `year − 1` for one phase. Without months, each
   * organization's year figure (annual line, else the sum of its months);
   * with months (a month or a quarter), monthly lines of those months only.
   */
  async yearOverYear(
    filter: AnalyticsFilter,
    year: number,
    months: number[] | null,
    dimensions: Dimension[],
    visibleAt: Date,
  ): Promise<{ rows: Comparison[]; unavailable: SourceUnavailableError[] }> {
    const result = await this.analytics.aggregate({
      kind: 'EXPENSE',
      filter: { ...filter, yearFrom: year - 1, yearTo: year, ...(months ? { months, periodType: 'MONTHLY' as const } : {}) },
      groupBy: [...new Set<Dimension>([...dimensions, 'ORGANIZATION', 'PERIOD_TYPE', 'YEAR'])],
      measures: ['amount'],
      visibleAt,
    });
    const previous = yearFigures(result.groups.filter((g) => g.key.YEAR === year - 1), dimensions);
    const current = yearFigures(result.groups.filter((g) => g.key.YEAR === year), dimensions);
    return { rows: this.pair(previous, current, dimensions), unavailable: result.unavailable };
  }

  /**
   * Running cost (公务用车运行维护费) per vehicle held (保有量), per
   * organization, for one year and phase. Cost: the annual line, else the
   * sum of the monthly lines. Vehicles held: the annual line's figure, else
   * that of the latest month reporting one (a stock, never summed). No
   * vehicles (zero or not reported): cost per vehicle is null.
   */
  async vehicleCosts(filter: AnalyticsFilter, year: number, phase: 'BUDGET' | 'FINAL', visibleAt: Date): Promise<{ rows: VehicleCost[]; unavailable: SourceUnavailableError[] }> {
    const result = await this.analytics.aggregate({
      kind: 'EXPENSE',
      filter: { ...filter, yearFrom: year, yearTo: year, phases: [phase], items: ['VEHICLE_OPERATION'] },
      groupBy: ['ORGANIZATION', 'PERIOD_TYPE', 'MONTH'],
      measures: ['amount', 'vehiclesHeld'],
      visibleAt,
    });
    const costs = yearFigures(result.groups, ['ORGANIZATION']);
    const rows: VehicleCost[] = [];
    for (const { key, amount } of costs.values()) {
      const own = result.groups.filter((g) => g.key.ORGANIZATION === key.ORGANIZATION && g.measures.vehiclesHeld!.max !== null);
      const annual = own.find((g) => g.key.PERIOD_TYPE === 'ANNUAL');
      const latest = annual ?? own.filter((g) => g.key.PERIOD_TYPE === 'MONTHLY').sort((a, b) => Number(b.key.MONTH) - Number(a.key.MONTH))[0];
      const vehicles = latest ? Number(latest.measures.vehiclesHeld!.max) : null;
      rows.push({
        organizationId: String(key.ORGANIZATION),
        runningCost: amount,
        vehiclesHeld: vehicles,
        costPerVehicle: vehicles ? divideDecimal(amount, String(vehicles), 2) : null,
      });
    }
    rows.sort((a, b) => (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0));
    return { rows, unavailable: result.unavailable };
  }

  private pair(
    base: Map<string, { key: GroupKey; amount: string }>,
    value: Map<string, { key: GroupKey; amount: string }>,
    dimensions: readonly Dimension[],
  ): Comparison[] {
    const identities = [...new Set([...base.keys(), ...value.keys()])].sort();
    return identities.map((identity) => {
      const b = base.get(identity);
      const v = value.get(identity);
      const key: GroupKey = {};
      for (const d of dimensions) key[d] = (b ?? v)!.key[d] ?? null;
      return compare(key, b?.amount ?? null, v?.amount ?? null);
    });
  }
}
