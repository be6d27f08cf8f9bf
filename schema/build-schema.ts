/**
 * The gateway's GraphQL schema, built by type-graphql from the classes in
 * `schema/` and the resolvers in `resolvers/`. Its printed SDL is committed
 * as `schema/schema.graphql`.
 */
import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, isInterfaceType, type GraphQLNamedType } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { Typed } from './node.interface.js';
import { ApiKeyResolver } from '../resolvers/api-key.resolver.js';
import { DisclosureConnectionResolver } from '../resolvers/disclosure-connection.js';
import { DisclosureResolver } from '../resolvers/disclosure.resolver.js';
import { FundAllocationResolver, ThreePublicExpenseResolver, ThreePublicExpenseStatementResolver } from '../resolvers/finance.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
import { PUSH_RESOLVERS } from '../resolvers/push-schema.js';
import { OFFICE_RESOLVERS, OFFICE_TYPES } from '../resolvers/office-schema.js';
import { AnalyticsResolver } from '../resolvers/analytics.resolver.js';
import { AggregateGroupKeyResolver, BudgetFinalComparisonResolver, CountStatisticsResolver, MoneyStatisticsResolver, VehicleRunningCostResolver, YearOverYearComparisonResolver } from '../resolvers/analytics-fields.resolver.js';
import { ApplicationResolver } from '../resolvers/application.resolver.js';
import { ApplicationOfficeResolver } from '../resolvers/application-office.resolver.js';
import { ApplicationAnswerResolver, InformationApplicationResolver } from '../resolvers/application-fields.resolver.js';
import { AnnualReportResolver } from '../resolvers/annual-report.resolver.js';
import { OrganizationRecordsResolver } from '../resolvers/organization-records.resolver.js';
import { OrganizationResolver } from '../resolvers/organization.resolver.js';
import { AppointmentResolver, PersonResolver, PostResolver } from '../resolvers/personnel.resolver.js';
import { AwardResolver, MoneyValueResolver, ProcurementResolver, SupplierResolver } from '../resolvers/procurement.resolver.js';
import { Appointment } from './appointment.type.js';
import { FundAllocation } from './fund-allocation.type.js';
import { Person } from './person.type.js';
import { Post } from './post.type.js';
import { Procurement } from './procurement.type.js';
import { PublishedDocument } from './published-document.type.js';
import { Supplier } from './supplier.type.js';
import { ThreePublicExpense } from './three-public-expense.type.js';
import { ThreePublicExpenseStatement } from './three-public-expense-statement.type.js';

const MUTATION_DESCRIPTION = 'Changes to the gateway; each needs a credential (`Authorization: Bearer …`) whose role allows it.';
const QUERY_DESCRIPTION =
  'Entry points of the disclosure graph (政府信息公开): the catalog across every department store, its summary per category, organizations, and any object by global id.';

/** Builds the schema (no class-validator: arguments are checked by the resolvers). */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      NodeResolver,
      DisclosureResolver,
      DisclosureConnectionResolver,
      OrganizationResolver,
      OrganizationRecordsResolver,
      AppointmentResolver,
      PersonResolver,
      PostResolver,
      ThreePublicExpenseStatementResolver,
      ThreePublicExpenseResolver,
      FundAllocationResolver,
      ProcurementResolver,
      AwardResolver,
      MoneyValueResolver,
      SupplierResolver,
      ...PUSH_RESOLVERS,
      ...OFFICE_RESOLVERS,
      AnalyticsResolver, AggregateGroupKeyResolver, MoneyStatisticsResolver, CountStatisticsResolver, BudgetFinalComparisonResolver, YearOverYearComparisonResolver, VehicleRunningCostResolver,
      ApiKeyResolver,
      ApplicationResolver, ApplicationOfficeResolver, InformationApplicationResolver, ApplicationAnswerResolver, AnnualReportResolver,
    ],
    // Types reachable only through interfaces must be named so they are in the schema.
    orphanedTypes: [Appointment, ThreePublicExpenseStatement, ThreePublicExpense, FundAllocation, Procurement, PublishedDocument, Person, Post, Supplier, ...OFFICE_TYPES],
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql has no option for the root types' descriptions; the schema is rebuilt with them.
  const config = schema.toConfig();
  const query = new GraphQLObjectType({ ...config.query!.toConfig(), description: QUERY_DESCRIPTION });
  const mutation = config.mutation ? new GraphQLObjectType({ ...config.mutation.toConfig(), description: MUTATION_DESCRIPTION }) : undefined;
  const described = (type: GraphQLNamedType) => (type === config.query ? query : mutation && type === config.mutation ? mutation : type);
  const built = new GraphQLSchema({ ...config, query, mutation, types: config.types.map(described) });
  // type-graphql wraps each interface's resolveType in an async function: one more promise per item of every list of records. Ours only read `__typename`.
  for (const name of TYPENAME_INTERFACES) {
    const type = built.getType(name);
    if (isInterfaceType(type)) type.resolveType = (value: Typed) => value.__typename;
  }
  return built;
}

/** The interfaces whose implementations carry `__typename` on every value (see their `resolveType`). */
const TYPENAME_INTERFACES = ['Node', 'Disclosure'];
