/** The power lists: items per list, the filtered and counted list of items across published lists, and each item's links. */
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { PowerItemFee, PowerListItemFilter as ItemFilter, PowerListItemRecord } from '../datasources/office/power-list-records.js';
import type { GatewayContext } from '../src/context.js';
import { DecimalScalar } from '../schema/decimal.scalar.js';
import { convertYuan } from '../schema/money.js';
import { MoneyUnit } from '../schema/money-unit.enum.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { PowerListItemConnection } from '../schema/power-list-connections.type.js';
import { PowerListItemFilter } from '../schema/power-list-item-filter.input.js';
import { PowerItemFee as PowerItemFeeType, PowerListItem } from '../schema/power-list-item.type.js';
import { PowerList } from '../schema/power-list.type.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import { organizationScope } from './disclosure-filter.js';
import { recordIdOf } from './global-id.js';
import { listConnection } from './list-connection.js';
import { AMOUNT_DESCRIPTION, UNIT_ARG } from './money-field.js';

/** Items sort by their list, then their position. */
const byListPosition = (item: PowerListItemRecord) => `${item.listId}\u0000${String(item.sequence).padStart(6, '0')}`;

/** Most published lists looked at for one question (a town publishes a handful). */
const MAX_LISTS = 1_000;

/** The ids of the power lists published at the request's `now`. */
async function publishedListIds(context: GatewayContext): Promise<string[]> {
  const entries = await context.stores.catalogs.office.page({
    filter: { kinds: ['PowerList'], visibleAt: context.now },
    order: { field: 'publishedAt', direction: 1 },
    limit: MAX_LISTS,
    fromEnd: false,
  });
  return entries.map((entry) => entry.id);
}

@Resolver(() => PowerList)
export class PowerListResolver {
  @FieldResolver(() => PowerListItemConnection, { description: 'The items of the list, in list order; `totalCount` is the number of items (15 and 29 in the 2015 demo).' })
  async items(@Root() list: Disclosed<'PowerList'>, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const items = await context.loaders.office.powerListItemsByList.load(list.id);
    for (const item of items) context.loaders.office.powerListItem.prime(item.id, item);
    return listConnection(items, byListPosition, page);
  }

  @Query(() => PowerListItemConnection, {
    description: 'Items of the published power lists (行政权力清单) and public service lists (公共服务事项清单), filtered by kind, handling organization, delegation or list, in list order; `totalCount` counts them.',
  })
  async powerListItems(
    @Arg('filter', () => PowerListItemFilter, { nullable: true, description: 'Conditions on the items.' }) filter: PowerListItemFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GatewayContext,
  ) {
    const published = await publishedListIds(context);
    const itemFilter: ItemFilter = { listIds: published };
    if (filter?.kinds != null) itemFilter.kinds = [...filter.kinds];
    if (filter?.delegatedFromDistrict != null) itemFilter.delegatedFromDistrict = filter.delegatedFromDistrict;
    if (filter?.listId != null) {
      const listId = recordIdOf(filter.listId, 'PowerList', 'filter.listId');
      itemFilter.listIds = published.filter((id) => id === listId);
    }
    if (filter?.organizationId != null) {
      const scope = await organizationScope(filter.organizationId, filter.includeSubOrganizations ?? false, context, 'filter.organizationId');
      // Without the office store there are no items to list either; the item read below reports it.
      itemFilter.handlingOrganizationIds = scope.ids;
    }
    const items = await context.loaders.office.stores.powerLists.items(itemFilter);
    for (const item of items) context.loaders.office.powerListItem.prime(item.id, item);
    return listConnection(items, byListPosition, page);
  }
}

@Resolver(() => PowerListItem)
export class PowerListItemResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that handles the item (办理机构).' })
  handlingOrganization(@Root() item: PowerListItemRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(item.handlingOrganizationId);
  }

  @FieldResolver(() => PowerList, { nullable: true, description: 'The published list (and its catalog entry) the item belongs to.' })
  list(@Root() item: PowerListItemRecord, @Ctx() context: GatewayContext): Promise<Disclosed | null> {
    return disclosedById('PowerList', item.listId, context.loaders);
  }
}

@Resolver(() => PowerItemFeeType)
export class PowerItemFeeResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true, description: `The fixed fee, when charged and fixed. ${AMOUNT_DESCRIPTION}` })
  amount(@Root() fee: PowerItemFee, @Arg('unit', () => MoneyUnit, UNIT_ARG) unit: MoneyUnit): string | null {
    return fee.amount === null ? null : convertYuan(fee.amount, unit);
  }
}
