/**
 * The analysts' queries: typed aggregations per record kind (三公 expenses,
 * fund allocations, procurement, appointments, catalog items) and the 三公
 * comparisons. Each is translated by the data layer into pipelines run in
 * the stores; every role may ask (only published records are counted), and
 * the query limits give each role its budget.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, Info, Int, Query, Resolver } from 'type-graphql';
import type { AnalyticsKind, Dimension } from '../datasources/analytics/analytics-request.js';
import { analyticsOf } from '../datasources/analytics/analytics-service.js';
import { ExpenseComparisons } from '../datasources/analytics/expense-comparisons.js';
import { disclosureKindOf } from '../datasources/analytics/analytics-kinds.js';
import { AGGREGATES } from '../src/http/aggregation-answers.js';
import type { GatewayContext } from '../src/context.js';
import { AGGREGATION_ESTIMATED_DOCUMENTS, COMPARISON_ESTIMATED_DOCUMENTS, ESTIMATED_DOCUMENTS } from '../schema/analytics-cost.js';
import {
  AppointmentDimension,
  CatalogItemDimension,
  FundAllocationDimension,
  ProcurementDimension,
  ThreePublicExpenseDimension,
  YearOverYearDimension,
} from '../schema/analytics-enums.js';
import {
  AggregateOrder,
  AppointmentAggregateFilter,
  CatalogItemAggregateFilter,
  ExpenseComparisonFilter,
  FundAllocationAggregateFilter,
  ProcurementAggregateFilter,
  ThreePublicExpenseAggregateFilter,
} from '../schema/analytics-filters.input.js';
import {
  BudgetFinalResult,
  CountAggregate,
  FundAllocationAggregate,
  ProcurementAggregate,
  ThreePublicExpenseAggregate,
  VehicleRunningCostResult,
  YearOverYearResult,
} from '../schema/analytics.type.js';
import { BudgetPhase } from '../schema/finance.enums.js';
import {
  allocationFilter,
  appointmentFilter,
  catalogItemFilter,
  checkYear,
  comparisonFilter,
  expenseFilter,
  procurementFilter,
  type BuiltFilter,
} from './analytics-input.js';
import { aggregateValue, checkOrder, DEFAULT_GROUPS, groupLimit, MAX_FIRST_GROUPS, selectedMeasures } from './analytics-groups.js';
import { badUserInput } from './bad-user-input.js';

const GROUP_BY = { description: 'Dimensions to group by, in the order of the key (none: one group of everything).', defaultValue: [] };
const ORDER_BY = { nullable: true, description: 'Order of the groups (default: by key, ascending).' };
const FIRST = { defaultValue: DEFAULT_GROUPS, description: `Number of groups returned, 0 to ${MAX_FIRST_GROUPS} (default ${DEFAULT_GROUPS}); \`groupCount\` and \`total\` cover all of them.` };
const AGGREGATION_COST = { [ESTIMATED_DOCUMENTS]: AGGREGATION_ESTIMATED_DOCUMENTS };

/** Declares the disclosure kind a field's answer sums, so a cached answer outlives changes of other kinds (`aggregation-answers.ts`). */
function aggregates(kind: AnalyticsKind) {
  const disclosureKind = disclosureKindOf(kind);
  return disclosureKind === null ? {} : AGGREGATES(disclosureKind);
}
const PARTIAL =
  ' When a store does not answer, the result holds the stores that did, `complete` is false, and the response carries a SOURCE_UNAVAILABLE error naming the store at this field. An aggregation slower than the per-store time limit fails with STORE_TIME_LIMIT_EXCEEDED.';

async function aggregate(
  kind: AnalyticsKind,
  built: BuiltFilter,
  groupBy: readonly string[],
  order: AggregateOrder | null | undefined,
  first: number | null | undefined,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  checkOrder(kind, order);
  const limit = groupLimit(first);
  const dimensions = [...new Set(groupBy)] as Dimension[];
  if (dimensions.length !== groupBy.length) throw badUserInput('groupBy', 'Each dimension may be named once in `groupBy`.');
  const measures = selectedMeasures(kind, info, order);
  const result = await analyticsOf(context.stores).aggregate({ kind, filter: built.filter, groupBy: dimensions, measures, visibleAt: context.now });
  return aggregateValue(result, built.unavailable, { groupBy: dimensions, measures, order, first: limit }, context, info);
}

function missing(unavailable: { source: string }[]) {
  return { complete: unavailable.length === 0, missingSources: [...new Set(unavailable.map((e) => e.source))] };
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => ThreePublicExpenseAggregate, { description: `三公经费统计: 三公 expense lines grouped and summed (amount and counts).${PARTIAL}` })
  @Extensions({ ...AGGREGATION_COST, ...aggregates('EXPENSE') })
  async threePublicExpenseAggregate(
    @Arg('first', () => Int, FIRST) first: number,
    @Arg('orderBy', () => AggregateOrder, ORDER_BY) orderBy: AggregateOrder | undefined,
    @Arg('groupBy', () => [ThreePublicExpenseDimension], GROUP_BY) groupBy: ThreePublicExpenseDimension[],
    @Arg('filter', () => ThreePublicExpenseAggregateFilter, { nullable: true, description: 'Conditions on the lines.' }) filter: ThreePublicExpenseAggregateFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return aggregate('EXPENSE', await expenseFilter(filter, context), groupBy, orderBy, first, context, info);
  }

  @Query(() => FundAllocationAggregate, { description: `下拨资金统计: fund allocations grouped and summed.${PARTIAL}` })
  @Extensions({ ...AGGREGATION_COST, ...aggregates('ALLOCATION') })
  async fundAllocationAggregate(
    @Arg('first', () => Int, FIRST) first: number,
    @Arg('orderBy', () => AggregateOrder, ORDER_BY) orderBy: AggregateOrder | undefined,
    @Arg('groupBy', () => [FundAllocationDimension], GROUP_BY) groupBy: FundAllocationDimension[],
    @Arg('filter', () => FundAllocationAggregateFilter, { nullable: true, description: 'Conditions on the allocations.' }) filter: FundAllocationAggregateFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return aggregate('ALLOCATION', await allocationFilter(filter, context), groupBy, orderBy, first, context, info);
  }

  @Query(() => ProcurementAggregate, { description: `政府采购统计: procurements grouped, with tender and award values and tenderers.${PARTIAL}` })
  @Extensions({ ...AGGREGATION_COST, ...aggregates('PROCUREMENT') })
  async procurementAggregate(
    @Arg('first', () => Int, FIRST) first: number,
    @Arg('orderBy', () => AggregateOrder, ORDER_BY) orderBy: AggregateOrder | undefined,
    @Arg('groupBy', () => [ProcurementDimension], GROUP_BY) groupBy: ProcurementDimension[],
    @Arg('filter', () => ProcurementAggregateFilter, { nullable: true, description: 'Conditions on the procurements.' }) filter: ProcurementAggregateFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return aggregate('PROCUREMENT', await procurementFilter(filter, context), groupBy, orderBy, first, context, info);
  }

  @Query(() => CountAggregate, { description: `人事任免统计: appointments and dismissals counted by group.${PARTIAL}` })
  @Extensions({ ...AGGREGATION_COST, ...aggregates('APPOINTMENT') })
  async appointmentAggregate(
    @Arg('first', () => Int, FIRST) first: number,
    @Arg('orderBy', () => AggregateOrder, ORDER_BY) orderBy: AggregateOrder | undefined,
    @Arg('groupBy', () => [AppointmentDimension], GROUP_BY) groupBy: AppointmentDimension[],
    @Arg('filter', () => AppointmentAggregateFilter, { nullable: true, description: 'Conditions on the appointments.' }) filter: AppointmentAggregateFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return aggregate('APPOINTMENT', await appointmentFilter(filter, context), groupBy, orderBy, first, context, info);
  }

  @Query(() => CountAggregate, { description: `公开目录统计: catalog items of every store counted by group; each store counts its own and the counts are added.${PARTIAL}` })
  @Extensions(AGGREGATION_COST)
  async catalogItemAggregate(
    @Arg('first', () => Int, FIRST) first: number,
    @Arg('orderBy', () => AggregateOrder, ORDER_BY) orderBy: AggregateOrder | undefined,
    @Arg('groupBy', () => [CatalogItemDimension], GROUP_BY) groupBy: CatalogItemDimension[],
    @Arg('filter', () => CatalogItemAggregateFilter, { nullable: true, description: 'Conditions on the catalog items.' }) filter: CatalogItemAggregateFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return aggregate('CATALOG_ITEM', await catalogItemFilter(filter, context), groupBy, orderBy, first, context, info);
  }

  @Query(() => BudgetFinalResult, { description: `预算与决算对比: budget against final accounts of the 三公 items for one year.${PARTIAL}` })
  @Extensions({ [ESTIMATED_DOCUMENTS]: COMPARISON_ESTIMATED_DOCUMENTS, ...aggregates('EXPENSE') })
  async threePublicBudgetVsFinal(
    @Arg('byOrganization', () => Boolean, { defaultValue: false, description: 'One row per organization and item instead of per item.' }) byOrganization: boolean,
    @Arg('year', () => Int, { description: '年度: the year.' }) year: number,
    @Arg('filter', () => ExpenseComparisonFilter, { nullable: true, description: 'Organization and items.' }) filter: ExpenseComparisonFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const built = await comparisonFilter(filter, context);
    const { rows, unavailable } = await new ExpenseComparisons(analyticsOf(context.stores)).budgetVsFinal(built.filter, checkYear(year, 'year'), byOrganization, context.now);
    const all = [...built.unavailable, ...unavailable];
    for (const error of all) context.partial.report(error, info.path);
    return { rows, ...missing(all) };
  }

  @Query(() => YearOverYearResult, { description: `同比: 三公 figures of a period against the same period a year earlier.${PARTIAL}` })
  @Extensions({ [ESTIMATED_DOCUMENTS]: COMPARISON_ESTIMATED_DOCUMENTS, ...aggregates('EXPENSE') })
  async threePublicYearOverYear(
    @Arg('groupBy', () => [YearOverYearDimension], { defaultValue: [YearOverYearDimension.EXPENSE_ITEM], description: 'Break-down of the rows (default: per item; none: one row).' })
    groupBy: YearOverYearDimension[],
    @Arg('phase', () => BudgetPhase, { defaultValue: BudgetPhase.FINAL, description: 'Budget or final accounts (default: final).' }) phase: BudgetPhase,
    @Arg('quarter', () => Int, { nullable: true, description: 'A quarter (1–4) instead of the whole year.' }) quarter: number | undefined,
    @Arg('month', () => Int, { nullable: true, description: 'A month (1–12) instead of the whole year.' }) month: number | undefined,
    @Arg('year', () => Int, { description: '年度: the current year; it is compared with the year before.' }) year: number,
    @Arg('filter', () => ExpenseComparisonFilter, { nullable: true, description: 'Organization and items.' }) filter: ExpenseComparisonFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (month != null && quarter != null) throw badUserInput('quarter', 'Give a month or a quarter, not both.');
    if (month != null && (!Number.isInteger(month) || month < 1 || month > 12)) throw badUserInput('month', `Months are 1 to 12, got ${month}.`);
    if (quarter != null && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) throw badUserInput('quarter', `Quarters are 1 to 4, got ${quarter}.`);
    const months = month != null ? [month] : quarter != null ? [quarter * 3 - 2, quarter * 3 - 1, quarter * 3] : null;
    const built = await comparisonFilter(filter, context);
    const dimensions = [...new Set(groupBy)] as Dimension[];
    const { rows, unavailable } = await new ExpenseComparisons(analyticsOf(context.stores)).yearOverYear(
      { ...built.filter, phases: [phase] },
      checkYear(year, 'year'),
      months,
      dimensions,
      context.now,
    );
    const all = [...built.unavailable, ...unavailable];
    for (const error of all) context.partial.report(error, info.path);
    return { rows, ...missing(all) };
  }

  @Query(() => VehicleRunningCostResult, { description: `单车运行维护费: running cost of official vehicles per vehicle held, per organization, for one year.${PARTIAL}` })
  @Extensions({ [ESTIMATED_DOCUMENTS]: COMPARISON_ESTIMATED_DOCUMENTS, ...aggregates('EXPENSE') })
  async threePublicVehicleRunningCosts(
    @Arg('phase', () => BudgetPhase, { defaultValue: BudgetPhase.FINAL, description: 'Budget or final accounts (default: final).' }) phase: BudgetPhase,
    @Arg('year', () => Int, { description: '年度: the year.' }) year: number,
    @Arg('filter', () => ExpenseComparisonFilter, { nullable: true, description: 'Organization (items are ignored: the item is 公务用车运行维护费).' }) filter: ExpenseComparisonFilter | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const built = await comparisonFilter(filter, context);
    const { items: _items, ...withoutItems } = built.filter;
    const { rows, unavailable } = await new ExpenseComparisons(analyticsOf(context.stores)).vehicleCosts(withoutItems, checkYear(year, 'year'), phase, context.now);
    const all = [...built.unavailable, ...unavailable];
    for (const error of all) context.partial.report(error, info.path);
    return { rows, ...missing(all) };
  }
}
