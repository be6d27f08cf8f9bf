/** An organization's records of the office kinds: the power list items it handles and the land notices affecting it (a village). */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { LandRequisitionNoticeConnection } from '../schema/land-notice-connections.type.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { PowerListItemConnection } from '../schema/power-list-connections.type.js';
import { disclosedById, publishedOf, type Disclosed } from './disclosed-records.js';
import { listConnection } from './list-connection.js';

@Resolver(() => Organization)
export class OrganizationOfficeRecordsResolver {
  @FieldResolver(() => PowerListItemConnection, { description: 'Items of the published power lists this organization handles (办理机构), by list and position.' })
  async powerListItems(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const items = await context.loaders.office.powerListItemsByOrganization.load(org.id);
    const published = await Promise.all(items.map((item) => disclosedById('PowerList', item.listId, context.loaders)));
    const visible = items.filter((_, i) => published[i] !== null);
    return listConnection(visible, (item) => `${item.listId}\u0000${String(item.sequence).padStart(6, '0')}`, page);
  }

  @FieldResolver(() => LandRequisitionNoticeConnection, { description: 'Published land requisition and compensation notices that affect this organization (a village), oldest first.' })
  async landNotices(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const records = await context.loaders.office.landNoticesByVillage.load(org.id);
    const published: Disclosed<'LandRequisitionNotice'>[] = await publishedOf('LandRequisitionNotice', records, context.loaders);
    return listConnection(published, (n) => `${n.announcedOn}\u0000${n.id}`, page);
  }
}
