/** Fields of aggregation groups and comparisons: keys resolved to graph objects through the request's loaders, and exact statistics in the unit asked for. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MeasureSummary } from '../datasources/analytics/analytics-request.js';
import { divideDecimal } from '../datasources/analytics/decimal-arithmetic.js';
import type { Comparison, VehicleCost } from '../datasources/analytics/expense-comparisons.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { SupplierRecord } from '../datasources/procurement/procurement-records.js';
import type { GatewayContext } from '../src/context.js';
import {
  AggregateGroupKey,
  BudgetFinalComparison,
  CountStatistics,
  MoneyStatistics,
  VehicleRunningCost,
  YearOverYearComparison,
} from '../schema/analytics.type.js';
import { ThreePublicItem } from '../schema/finance.enums.js';
import { DecimalScalar } from '../schema/decimal.scalar.js';
import { convertYuan } from '../schema/money.js';
import { MoneyUnit } from '../schema/money-unit.enum.js';
import { Organization } from '../schema/organization.type.js';
import { Supplier } from '../schema/supplier.type.js';
import { UNIT_ARG } from './money-field.js';

function organization(id: unknown, context: GatewayContext): Promise<OrganizationRecord | null> | null {
  return typeof id === 'string' ? context.loaders.organization.load(id) : null;
}

function money(value: string | null, unit: MoneyUnit): string | null {
  return value === null ? null : convertYuan(value, unit);
}

const textOrNull = (value: string | number | null | undefined) => (value === null || value === undefined ? null : String(value));

/** The key as `keyValue` shapes it: scalar dimensions are plain properties; linked objects are ids, with the records when loaded beforehand (undefined: not loaded). */
interface KeyValue {
  organizationId: string | null;
  recipientOrganizationId: string | null;
  supplierId: string | null;
  organization?: OrganizationRecord | null;
  recipientOrganization?: OrganizationRecord | null;
  supplier?: SupplierRecord | null;
}

@Resolver(() => AggregateGroupKey)
export class AggregateGroupKeyResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '组织机构: the organization (payer, buyer or deciding organization, as the kind says).' })
  organization(@Root() key: KeyValue, @Ctx() context: GatewayContext) {
    return key.organization !== undefined ? key.organization : organization(key.organizationId, context);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '收款单位: the receiving organization of an allocation.' })
  recipientOrganization(@Root() key: KeyValue, @Ctx() context: GatewayContext) {
    return key.recipientOrganization !== undefined ? key.recipientOrganization : organization(key.recipientOrganizationId, context);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: '供应商: the supplier.' })
  supplier(@Root() key: KeyValue, @Ctx() context: GatewayContext): Promise<SupplierRecord | null> | SupplierRecord | null {
    if (key.supplier !== undefined) return key.supplier;
    return typeof key.supplierId === 'string' ? context.loaders.supplier.load(key.supplierId) : null;
  }
}

@Resolver(() => MoneyStatistics)
export class MoneyStatisticsResolver {
  @FieldResolver(() => DecimalScalar, { description: '合计: the exact sum (0 when there are no values).' })
  sum(@Root() summary: MeasureSummary, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string {
    return convertYuan(summary.sum, unit);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: '平均: the total sum divided by the number of values over every store, rounded half away from zero to 分 (0.01 元), then converted; null when there are no values.',
  })
  average(@Root() summary: MeasureSummary, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string | null {
    return money(summary.values === 0 ? null : divideDecimal(summary.sum, String(summary.values), 2), unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '最小: the smallest value; null when there are no values.' })
  min(@Root() summary: MeasureSummary, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string | null {
    return money(summary.min, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '最大: the largest value; null when there are no values.' })
  max(@Root() summary: MeasureSummary, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string | null {
    return money(summary.max, unit);
  }

  @FieldResolver(() => Int, { description: '个数: number of values (records that have the measure).' })
  count(@Root() summary: MeasureSummary): number {
    return summary.values;
  }
}

@Resolver(() => CountStatistics)
export class CountStatisticsResolver {
  @FieldResolver(() => Int, { description: '个数: number of records that have the count.' })
  count(@Root() summary: MeasureSummary): number {
    return summary.values;
  }

  @FieldResolver(() => Int, { description: '合计: the sum (0 when no record has the count).' })
  sum(@Root() summary: MeasureSummary): number {
    return Number(summary.sum);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '平均: sum ÷ count, rounded half away from zero to 4 decimals; null when count is 0.' })
  average(@Root() summary: MeasureSummary): string | null {
    return summary.values === 0 ? null : divideDecimal(summary.sum, String(summary.values), 4);
  }

  @FieldResolver(() => Int, { nullable: true, description: '最小: the smallest value; null when count is 0.' })
  min(@Root() summary: MeasureSummary): number | null {
    return summary.min === null ? null : Number(summary.min);
  }

  @FieldResolver(() => Int, { nullable: true, description: '最大: the largest value; null when count is 0.' })
  max(@Root() summary: MeasureSummary): number | null {
    return summary.max === null ? null : Number(summary.max);
  }
}

const RATE_DESCRIPTION =
  '变动率: difference ÷ base as a decimal fraction (0.0919 = +9.19 %), rounded half away from zero to 4 decimals. Null when the base is zero (a change from nothing has no rate) or when either side is missing.';
const DIFFERENCE_DESCRIPTION = '差额: the figure minus its base, exactly; null when either side is missing.';

@Resolver(() => BudgetFinalComparison)
export class BudgetFinalComparisonResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization, when broken down by organization.' })
  organization(@Root() row: Comparison, @Ctx() context: GatewayContext) {
    return organization(row.key.ORGANIZATION, context);
  }

  @FieldResolver(() => ThreePublicItem, { description: '三公项目: the item.' })
  item(@Root() row: Comparison) {
    return String(row.key.EXPENSE_ITEM);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '预算: the budget; null when no budget line exists (zero when one says zero).' })
  budget(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.base, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '决算: the final accounts; null when no final line exists.' })
  final(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.value, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: `${DIFFERENCE_DESCRIPTION} Final minus budget.` })
  difference(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.difference, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: `${RATE_DESCRIPTION} The base is the budget.` })
  rate(@Root() row: Comparison) {
    return row.rate;
  }
}

@Resolver(() => YearOverYearComparison)
export class YearOverYearComparisonResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization, when broken down by organization.' })
  organization(@Root() row: Comparison, @Ctx() context: GatewayContext) {
    return organization(row.key.ORGANIZATION, context);
  }

  @FieldResolver(() => ThreePublicItem, { nullable: true, description: 'The item, when broken down by item.' })
  item(@Root() row: Comparison) {
    return textOrNull(row.key.EXPENSE_ITEM);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '上年同期: the same period a year earlier; null when it has no lines.' })
  previous(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.base, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '本期: the period asked for; null when it has no lines.' })
  current(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.value, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: `${DIFFERENCE_DESCRIPTION} Current minus previous.` })
  difference(@Root() row: Comparison, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.difference, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: `${RATE_DESCRIPTION} The base is the previous period.` })
  rate(@Root() row: Comparison) {
    return row.rate;
  }
}

@Resolver(() => VehicleRunningCost)
export class VehicleRunningCostResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization.' })
  organization(@Root() row: VehicleCost, @Ctx() context: GatewayContext) {
    return organization(row.organizationId, context);
  }

  @FieldResolver(() => DecimalScalar, { description: '公务用车运行维护费: running cost for the year.' })
  runningCost(@Root() row: VehicleCost, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return convertYuan(row.runningCost, unit);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '单车费用: running cost ÷ vehicles held, rounded half away from zero to 分 (0.01 元), then converted; null when no vehicles are held or reported.' })
  costPerVehicle(@Root() row: VehicleCost, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit) {
    return money(row.costPerVehicle, unit);
  }
}
