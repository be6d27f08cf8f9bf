/**
 * Results of the analysts' aggregations and comparisons. Every statistic is
 * exact: sums, minima and maxima as Decimal strings; averages are the total
 * sum divided by the number of values after every store's part is merged
 * (never an average of averages), rounded half away from zero.
 */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { AppointmentAction } from './personnel.enums.js';
import { BudgetPhase, ThreePublicItem } from './finance.enums.js';
import { DecimalScalar } from './decimal.scalar.js';
import { DisclosureCategory } from './disclosure-category.enum.js';
import { DisclosureKind } from './disclosure-kind.enum.js';
import { OrganizationClassification } from './organization-classification.enum.js';
import { Organization } from './organization.type.js';
import { PeriodType } from './analytics-enums.js';
import { ProcurementMethod } from './procurement-method.enum.js';
import { Supplier } from './supplier.type.js';

@ObjectType({ description: 'The key of a group: the value of each dimension grouped by. Dimensions not grouped by are null, and so is a grouped dimension the records lack (e.g. the month of an annual line).' })
export class AggregateGroupKey {
  @Field(() => Organization, { nullable: true, description: '组织机构: the organization (payer, buyer or deciding organization, as the kind says).' })
  organization?: unknown;

  @Field(() => OrganizationClassification, { nullable: true, description: '机构层级: the organization level; null also when the office store did not answer (then reported as SOURCE_UNAVAILABLE).' })
  organizationLevel?: OrganizationClassification | null;

  @Field(() => Organization, { nullable: true, description: '收款单位: the receiving organization of an allocation.' })
  recipientOrganization?: unknown;

  @Field(() => Int, { nullable: true, description: '年度: the year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: '季度: the quarter, 1–4.' })
  quarter?: number | null;

  @Field(() => Int, { nullable: true, description: '月份: the month, 1–12.' })
  month?: number | null;

  @Field(() => ThreePublicItem, { nullable: true, description: '三公项目: the 三公 item.' })
  item?: ThreePublicItem | null;

  @Field(() => BudgetPhase, { nullable: true, description: '预算/决算: the phase.' })
  phase?: BudgetPhase | null;

  @Field(() => PeriodType, { nullable: true, description: '期间类型: monthly or annual line.' })
  periodType?: PeriodType | null;

  @Field(() => ProcurementMethod, { nullable: true, description: '采购方式: the procurement method.' })
  procurementMethod?: ProcurementMethod | null;

  @Field(() => Supplier, { nullable: true, description: '供应商: the supplier.' })
  supplier?: unknown;

  @Field(() => DisclosureCategory, { nullable: true, description: '公开目录类别: the catalog category.' })
  category?: DisclosureCategory | null;

  @Field(() => DisclosureKind, { nullable: true, description: '信息类型: the kind of record.' })
  kind?: DisclosureKind | null;

  @Field(() => AppointmentAction, { nullable: true, description: '任职/免职: the action.' })
  action?: AppointmentAction | null;
}

@ObjectType({ description: 'Statistics of a money measure over a group (金额统计), in the unit asked for (stored in 元).' })
export class MoneyStatistics {
  @Field(() => Int, { description: '个数: number of values (records that have the measure).' })
  count!: number;
}

@ObjectType({ description: 'Statistics of a count measure over a group (数量统计); records without the count (null) are left out of every statistic.' })
export class CountStatistics {
  @Field(() => Int, { description: '个数: number of records that have the count.' })
  count!: number;

  @Field(() => Int, { description: '合计: the sum (0 when no record has the count).' })
  sum!: number;

  @Field(() => DecimalScalar, { nullable: true, description: '平均: sum ÷ count, rounded half away from zero to 4 decimals; null when count is 0.' })
  average!: string | null;

  @Field(() => Int, { nullable: true, description: '最小: the smallest value; null when count is 0.' })
  min!: number | null;

  @Field(() => Int, { nullable: true, description: '最大: the largest value; null when count is 0.' })
  max!: number | null;
}

const COUNT_DESCRIPTION = '记录数: number of records in the group.';

@ObjectType({ description: 'A group of 三公 expense lines (三公经费) with its statistics.' })
export class ThreePublicExpenseGroup {
  @Field(() => AggregateGroupKey, { description: 'The values of the grouped dimensions.' })
  key!: unknown;

  @Field(() => Int, { description: COUNT_DESCRIPTION })
  count!: number;

  @Field(() => MoneyStatistics, { description: '金额 amount.' })
  amount!: unknown;

  @Field(() => CountStatistics, { description: '团组数: groups travelling abroad.' })
  groups!: unknown;

  @Field(() => CountStatistics, { description: '人数: travellers abroad.' })
  travellers!: unknown;

  @Field(() => CountStatistics, { description: '购置数: vehicles purchased.' })
  vehiclesPurchased!: unknown;

  @Field(() => CountStatistics, { description: '保有量: vehicles held. A stock, not a flow: its sum over months means little; use max or the comparison `threePublicVehicleRunningCosts`.' })
  vehiclesHeld!: unknown;

  @Field(() => CountStatistics, { description: '接待批次: official receptions.' })
  receptions!: unknown;

  @Field(() => CountStatistics, { description: '接待人数: guests received.' })
  guests!: unknown;
}

@ObjectType({ description: 'A group of fund allocations (下拨资金) with its statistics.' })
export class FundAllocationGroup {
  @Field(() => AggregateGroupKey, { description: 'The values of the grouped dimensions.' })
  key!: unknown;

  @Field(() => Int, { description: COUNT_DESCRIPTION })
  count!: number;

  @Field(() => MoneyStatistics, { description: '金额 amount allocated.' })
  amount!: unknown;
}

@ObjectType({ description: 'A group of procurements (政府采购) with its statistics. Grouped by supplier, a row is an (active award, supplier) pair: the tender value and tenderers are those of the award\'s procurement.' })
export class ProcurementGroup {
  @Field(() => AggregateGroupKey, { description: 'The values of the grouped dimensions.' })
  key!: unknown;

  @Field(() => Int, { description: '记录数: number of procurements in the group (award–supplier pairs when grouped by supplier).' })
  count!: number;

  @Field(() => MoneyStatistics, { description: '预算金额 tender value (the estimated value of the tender).' })
  tenderValue!: unknown;

  @Field(() => MoneyStatistics, { description: '中标金额 award value: the value of active awards (pending, cancelled and unsuccessful awards are not counted).' })
  awardValue!: unknown;

  @Field(() => CountStatistics, { description: '投标人数: number of tenderers.' })
  tenderers!: unknown;
}

@ObjectType({ description: 'A group of records that are counted only (appointments, catalog items).' })
export class CountGroup {
  @Field(() => AggregateGroupKey, { description: 'The values of the grouped dimensions.' })
  key!: unknown;

  @Field(() => Int, { description: COUNT_DESCRIPTION })
  count!: number;
}

const GROUPS_DESCRIPTION = 'The groups, in the order asked for (by key unless `orderBy` says otherwise), at most `first` of them.';
const TOTAL_DESCRIPTION = 'The statistics over every record matched (all groups together, not only the first ones).';
const GROUP_COUNT_DESCRIPTION = 'Number of groups in all (also those beyond `first`).';
const COMPLETE_DESCRIPTION =
  'False when a store did not answer: the groups and the total then lack its records, `missingSources` names it, and the response carries a SOURCE_UNAVAILABLE error for it at this field. Never a silently smaller total.';
const MISSING_DESCRIPTION = 'The stores whose part is missing (finance, procurement, personnel, office).';

@ObjectType({ description: 'An aggregation of 三公 expense lines.' })
export class ThreePublicExpenseAggregate {
  @Field(() => [ThreePublicExpenseGroup], { description: GROUPS_DESCRIPTION })
  groups!: unknown[];

  @Field(() => ThreePublicExpenseGroup, { description: TOTAL_DESCRIPTION })
  total!: unknown;

  @Field(() => Int, { description: GROUP_COUNT_DESCRIPTION })
  groupCount!: number;

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({ description: 'An aggregation of fund allocations (下拨资金).' })
export class FundAllocationAggregate {
  @Field(() => [FundAllocationGroup], { description: GROUPS_DESCRIPTION })
  groups!: unknown[];

  @Field(() => FundAllocationGroup, { description: TOTAL_DESCRIPTION })
  total!: unknown;

  @Field(() => Int, { description: GROUP_COUNT_DESCRIPTION })
  groupCount!: number;

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({ description: 'An aggregation of procurements (政府采购).' })
export class ProcurementAggregate {
  @Field(() => [ProcurementGroup], { description: GROUPS_DESCRIPTION })
  groups!: unknown[];

  @Field(() => ProcurementGroup, { description: TOTAL_DESCRIPTION })
  total!: unknown;

  @Field(() => Int, { description: GROUP_COUNT_DESCRIPTION })
  groupCount!: number;

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({ description: 'A count of records by group (appointments, catalog items).' })
export class CountAggregate {
  @Field(() => [CountGroup], { description: GROUPS_DESCRIPTION })
  groups!: unknown[];

  @Field(() => CountGroup, { description: TOTAL_DESCRIPTION })
  total!: unknown;

  @Field(() => Int, { description: GROUP_COUNT_DESCRIPTION })
  groupCount!: number;

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({
  description:
    '预算与决算对比: budget against final accounts of one item (and organization). Each organization\'s figure for the year is its annual line, or the sum of its monthly lines when it has no annual one (never both).',
})
export class BudgetFinalComparison {
  @Field(() => Organization, { nullable: true, description: 'The organization, when broken down by organization.' })
  organization?: unknown;

  @Field(() => ThreePublicItem, { description: '三公项目: the item.' })
  item!: ThreePublicItem;
}

@ObjectType({
  description:
    '同比: a figure against the same period a year earlier. For a whole year, each organization\'s figure is its annual line or, without one, the sum of its monthly lines; for a month or a quarter, monthly lines only.',
})
export class YearOverYearComparison {
  @Field(() => Organization, { nullable: true, description: 'The organization, when broken down by organization.' })
  organization?: unknown;

  @Field(() => ThreePublicItem, { nullable: true, description: 'The item, when broken down by item.' })
  item?: ThreePublicItem | null;
}

@ObjectType({
  description:
    '单车运行维护费: running cost of official vehicles per vehicle held. Cost: the annual 公务用车运行维护费 line, else the sum of the monthly ones. Vehicles held (保有量): the annual line\'s figure, else that of the latest month reporting one (a stock is never summed).',
})
export class VehicleRunningCost {
  @Field(() => Organization, { nullable: true, description: 'The organization.' })
  organization?: unknown;

  @Field(() => Int, { nullable: true, description: '保有量: vehicles held; null when not reported.' })
  vehiclesHeld!: number | null;
}

@ObjectType({ description: 'Budget against final accounts of 三公 items for one year.' })
export class BudgetFinalResult {
  @Field(() => [BudgetFinalComparison], { description: 'One row per item (and organization), by organization id then item.' })
  rows!: unknown[];

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({ description: 'A 三公 period against the same period a year earlier.' })
export class YearOverYearResult {
  @Field(() => [YearOverYearComparison], { description: 'One row per group asked for.' })
  rows!: unknown[];

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}

@ObjectType({ description: 'Running cost per vehicle held, per organization, for one year.' })
export class VehicleRunningCostResult {
  @Field(() => [VehicleRunningCost], { description: 'One row per organization with a running cost line, by organization id.' })
  rows!: unknown[];

  @Field(() => Boolean, { description: COMPLETE_DESCRIPTION })
  complete!: boolean;

  @Field(() => [String], { description: MISSING_DESCRIPTION })
  missingSources!: string[];
}
