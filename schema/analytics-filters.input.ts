/** Filters of the analysts' aggregations, one input per record kind; every present condition must hold. String conditions match the exact text (never a pattern or an operator). */
import 'reflect-metadata';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AppointmentAction } from './personnel.enums.js';
import { BudgetPhase, ThreePublicItem } from './finance.enums.js';
import { DisclosureCategory } from './disclosure-category.enum.js';
import { DisclosureKind } from './disclosure-kind.enum.js';
import { OrderDirection } from './ordering.enums.js';
import { AggregateMeasure, AggregateOrderBy, PeriodType } from './analytics-enums.js';
import { ProcurementMethod } from './procurement-method.enum.js';

@InputType({ description: 'Conditions shared by every aggregation filter: organization and period.' })
export class PeriodFilterInput {
  @Field(() => ID, { nullable: true, description: 'Global id of an organization (组织机构): only its records (see includeSubOrganizations).' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With organizationId: also the records of its departments and villages (下属机构).' })
  includeSubOrganizations?: boolean;

  @Field(() => Int, { nullable: true, description: 'First year included (年度起).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Last year included (年度止).' })
  yearTo?: number;

  @Field(() => [Int], { nullable: true, description: 'Only these months (月份, 1–12); for 三公 lines this leaves out annual lines.' })
  months?: number[];
}

@InputType({ description: 'Conditions on a day range, for records dated by day (YYYY-MM-DD, inclusive).' })
export class DatedFilterInput extends PeriodFilterInput {
  @Field(() => String, { nullable: true, description: 'First day included (起始日期), YYYY-MM-DD.' })
  dateFrom?: string;

  @Field(() => String, { nullable: true, description: 'Last day included (截止日期), YYYY-MM-DD.' })
  dateTo?: string;
}

@InputType({ description: 'Conditions on 三公 expense lines (三公经费).' })
export class ThreePublicExpenseAggregateFilter extends PeriodFilterInput {
  @Field(() => [BudgetPhase], { nullable: true, description: 'Only these phases (预算/决算).' })
  phases?: BudgetPhase[];

  @Field(() => [ThreePublicItem], { nullable: true, description: 'Only these items (三公项目).' })
  items?: ThreePublicItem[];

  @Field(() => PeriodType, { nullable: true, description: 'Only monthly or only annual lines (summing both would count a year twice).' })
  periodType?: PeriodType;
}

@InputType({ description: 'Conditions on fund allocations (下拨资金); the organization is the payer.' })
export class FundAllocationAggregateFilter extends DatedFilterInput {
  @Field(() => ID, { nullable: true, description: 'Global id of the receiving organization (收款单位).' })
  recipientOrganizationId?: string;

  @Field(() => String, { nullable: true, description: 'Exact purpose text (用途).' })
  purpose?: string;

  @Field(() => String, { nullable: true, description: 'Exact name of the funded project (项目名称).' })
  recipientProject?: string;
}

@InputType({ description: 'Conditions on procurements (政府采购); the organization is the buyer.' })
export class ProcurementAggregateFilter extends DatedFilterInput {
  @Field(() => [ProcurementMethod], { nullable: true, description: 'Only these methods (采购方式).' })
  procurementMethods?: ProcurementMethod[];

  @Field(() => String, { nullable: true, description: 'Exact method name in the words of 政府采购法, e.g. 竞争性谈判.' })
  procurementMethodDetails?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of a supplier (供应商) named in an award.' })
  supplierId?: string;
}

@InputType({ description: 'Conditions on appointments and dismissals (人事任免); the organization is the one that decided.' })
export class AppointmentAggregateFilter extends DatedFilterInput {
  @Field(() => [AppointmentAction], { nullable: true, description: 'Only these actions (任职/免职).' })
  actions?: AppointmentAction[];

  @Field(() => String, { nullable: true, description: 'Exact document number (文号), e.g. 内委〔2015〕12号.' })
  documentNumber?: string;
}

@InputType({ description: 'Conditions on catalog items (公开目录条目) of every store; dates are publication days in China Standard Time.' })
export class CatalogItemAggregateFilter extends DatedFilterInput {
  @Field(() => [DisclosureCategory], { nullable: true, description: 'Only these catalog categories (公开目录类别).' })
  categories?: DisclosureCategory[];

  @Field(() => [DisclosureKind], { nullable: true, description: 'Only these kinds of record (信息类型).' })
  kinds?: DisclosureKind[];
}

@InputType({ description: 'Order of the groups of an aggregation (default: by key, ascending).' })
export class AggregateOrder {
  @Field(() => AggregateOrderBy, { description: 'What to order by.' })
  by!: AggregateOrderBy;

  @Field(() => AggregateMeasure, { nullable: true, description: 'The measure, for SUM, AVERAGE, MIN and MAX (one the kind has).' })
  measure?: AggregateMeasure;

  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Ascending (default) or descending; ties are ordered by key.' })
  direction?: OrderDirection;
}

@InputType({ description: 'Conditions of the 三公 comparisons.' })
export class ExpenseComparisonFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of an organization (组织机构).' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With organizationId: also its departments and villages.' })
  includeSubOrganizations?: boolean;

  @Field(() => [ThreePublicItem], { nullable: true, description: 'Only these items (三公项目).' })
  items?: ThreePublicItem[];
}
