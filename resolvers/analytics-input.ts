/** Turns the aggregation arguments into the data layer's typed filter, checking every value; a bad one is BAD_USER_INPUT naming its argument. */
import type { AnalyticsFilter } from '../datasources/analytics/analytics-request.js';
import type { SourceUnavailableError } from '../datasources/errors.js';
import type { GatewayContext } from '../src/context.js';
import type {
  AppointmentAggregateFilter,
  CatalogItemAggregateFilter,
  DatedFilterInput,
  ExpenseComparisonFilter,
  FundAllocationAggregateFilter,
  PeriodFilterInput,
  ProcurementAggregateFilter,
  ThreePublicExpenseAggregateFilter,
} from '../schema/analytics-filters.input.js';
import { badUserInput } from './bad-user-input.js';
import { organizationScope } from './disclosure-filter.js';
import { recordIdOf } from './global-id.js';

/** Longest exact-text condition accepted. */
export const MAX_TEXT_LENGTH = 200;
const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

/** A filter and the stores that could not be asked while building it (the office store, for sub-organizations). */
export interface BuiltFilter {
  filter: AnalyticsFilter;
  unavailable: SourceUnavailableError[];
}

/** A year argument in range, or BAD_USER_INPUT. */
export function checkYear(value: number, argumentName: string): number {
  if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    throw badUserInput(argumentName, `\`${argumentName}\` must be a year between ${MIN_YEAR} and ${MAX_YEAR}, got ${value}.`);
  }
  return value;
}

function checkDay(value: string, argumentName: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badUserInput(argumentName, `\`${argumentName}\` must be a date that exists, written YYYY-MM-DD; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function checkText(value: string, argumentName: string): string {
  if (value.length === 0 || value.length > MAX_TEXT_LENGTH) {
    throw badUserInput(argumentName, `\`${argumentName}\` must be 1 to ${MAX_TEXT_LENGTH} characters.`, { limit: MAX_TEXT_LENGTH, actual: value.length });
  }
  return value;
}

async function periodFilter(input: PeriodFilterInput | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const filter: AnalyticsFilter = {};
  let unavailable: SourceUnavailableError[] = [];
  if (!input) return { filter, unavailable };
  if (input.organizationId != null) {
    const scope = await organizationScope(input.organizationId, input.includeSubOrganizations ?? false, context, 'filter.organizationId');
    filter.organizationIds = scope.ids;
    unavailable = scope.unavailable;
  }
  if (input.yearFrom != null) filter.yearFrom = checkYear(input.yearFrom, 'filter.yearFrom');
  if (input.yearTo != null) filter.yearTo = checkYear(input.yearTo, 'filter.yearTo');
  if (filter.yearFrom !== undefined && filter.yearTo !== undefined && filter.yearFrom > filter.yearTo) {
    throw badUserInput('filter.yearTo', '`filter.yearTo` is before `filter.yearFrom`.');
  }
  if (input.months != null) {
    for (const month of input.months) {
      if (!Number.isInteger(month) || month < 1 || month > 12) throw badUserInput('filter.months', `Months are 1 to 12, got ${month}.`);
    }
    filter.months = [...new Set(input.months)];
  }
  return { filter, unavailable };
}

async function datedFilter(input: DatedFilterInput | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await periodFilter(input, context);
  if (input?.dateFrom != null) built.filter.dateFrom = checkDay(input.dateFrom, 'filter.dateFrom');
  if (input?.dateTo != null) built.filter.dateTo = checkDay(input.dateTo, 'filter.dateTo');
  if (built.filter.dateFrom !== undefined && built.filter.dateTo !== undefined && built.filter.dateFrom > built.filter.dateTo) {
    throw badUserInput('filter.dateTo', '`filter.dateTo` is before `filter.dateFrom`.');
  }
  return built;
}

/** The filter of 三公 expense lines. */
export async function expenseFilter(input: ThreePublicExpenseAggregateFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await periodFilter(input, context);
  if (input?.phases != null) built.filter.phases = [...input.phases];
  if (input?.items != null) built.filter.items = [...input.items];
  if (input?.periodType != null) built.filter.periodType = input.periodType;
  return built;
}

/** The filter of fund allocations. */
export async function allocationFilter(input: FundAllocationAggregateFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await datedFilter(input, context);
  if (input?.recipientOrganizationId != null) {
    built.filter.recipientOrganizationIds = [recordIdOf(input.recipientOrganizationId, 'Organization', 'filter.recipientOrganizationId')];
  }
  if (input?.purpose != null) built.filter.purpose = checkText(input.purpose, 'filter.purpose');
  if (input?.recipientProject != null) built.filter.recipientProject = checkText(input.recipientProject, 'filter.recipientProject');
  return built;
}

/** The filter of procurements. */
export async function procurementFilter(input: ProcurementAggregateFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await datedFilter(input, context);
  if (input?.procurementMethods != null) built.filter.procurementMethods = [...input.procurementMethods];
  if (input?.procurementMethodDetails != null) built.filter.procurementMethodDetails = checkText(input.procurementMethodDetails, 'filter.procurementMethodDetails');
  if (input?.supplierId != null) built.filter.supplierIds = [recordIdOf(input.supplierId, 'Supplier', 'filter.supplierId')];
  return built;
}

/** The filter of appointments. */
export async function appointmentFilter(input: AppointmentAggregateFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await datedFilter(input, context);
  if (input?.actions != null) built.filter.actions = [...input.actions];
  if (input?.documentNumber != null) built.filter.documentNumber = checkText(input.documentNumber, 'filter.documentNumber');
  return built;
}

/** The filter of catalog items. */
export async function catalogItemFilter(input: CatalogItemAggregateFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await datedFilter(input, context);
  if (input?.categories != null) built.filter.categories = [...input.categories];
  if (input?.kinds != null) built.filter.kinds = [...input.kinds] as AnalyticsFilter['kinds'];
  return built;
}

/** The filter of the 三公 comparisons. */
export async function comparisonFilter(input: ExpenseComparisonFilter | null | undefined, context: GatewayContext): Promise<BuiltFilter> {
  const built = await periodFilter(input ? { organizationId: input.organizationId, includeSubOrganizations: input.includeSubOrganizations } : null, context);
  if (input?.items != null) built.filter.items = [...input.items];
  return built;
}
