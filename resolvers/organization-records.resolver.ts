/** An organization's own records across stores: appointments to its posts, its 三公 statements, fund allocations, procurements. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import {
  AppointmentConnection,
  FundAllocationConnection,
  ProcurementConnection,
  ThreePublicExpenseStatementConnection,
} from '../schema/connections.type.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { publishedOf, type Disclosed } from './disclosed-records.js';
import { listConnection } from './list-connection.js';
import { byEffectiveDate } from './personnel.resolver.js';
import { byReleaseDate } from './procurement.resolver.js';

const byPeriod = (s: Disclosed<'ThreePublicExpenseStatement'>) => `${s.year}-${String(s.month ?? 0).padStart(2, '0')}-${s.phase}\u0000${s.id}`;
const byAllocationDate = (a: Disclosed<'FundAllocation'>) => `${a.date}\u0000${a.id}`;

@Resolver(() => Organization)
export class OrganizationRecordsResolver {
  @FieldResolver(() => AppointmentConnection, { description: 'Published appointments to and dismissals from posts of this organization (人事任免), oldest first.' })
  async appointments(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const posts = await context.loaders.postsByOrganization.load(org.id);
    const records = (await Promise.all(posts.map((post) => context.loaders.appointmentsByPost.load(post.id)))).flat();
    return listConnection(await publishedOf('Appointment', records, context.loaders), byEffectiveDate, page);
  }

  @FieldResolver(() => ThreePublicExpenseStatementConnection, { description: 'Published 三公 statements of this organization, by year and month (the annual one first).' })
  async threePublicExpenseStatements(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const records = await context.loaders.statementsByOrganization.load(org.id);
    return listConnection(await publishedOf('ThreePublicExpenseStatement', records, context.loaders), byPeriod, page);
  }

  @FieldResolver(() => FundAllocationConnection, { description: 'Published fund allocations (下拨资金) this organization paid or received, oldest first.' })
  async fundAllocations(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const records = await context.loaders.allocationsByOrganization.load(org.id);
    return listConnection(await publishedOf('FundAllocation', records, context.loaders), byAllocationDate, page);
  }

  @FieldResolver(() => ProcurementConnection, { description: 'Published procurements in which this organization is the buyer (采购人), oldest first.' })
  async procurements(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const records = await context.loaders.procurementsByBuyer.load(org.id);
    return listConnection(await publishedOf('Procurement', records, context.loaders), byReleaseDate, page);
  }
}
