/** The catalog: `disclosures` across every store, `catalogSummary`, and the organization of each disclosed record. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { CatalogSummary } from '../schema/catalog-summary.type.js';
import { DisclosureConnection } from '../schema/connections.type.js';
import { CATEGORY_NAMES, DisclosureCategory } from '../schema/disclosure-category.enum.js';
import { DisclosureFilter } from '../schema/disclosure-filter.input.js';
import { Disclosure } from '../schema/disclosure.interface.js';
import { DisclosureOrder } from '../schema/disclosure-order.input.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { disclosureConnection } from './disclosure-connection.js';
import { catalogFilter, catalogOrder, organizationScope } from './disclosure-filter.js';
import type { Disclosed } from './disclosed-records.js';

@Resolver(() => Disclosure)
export class DisclosureResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that discloses the record (公开主体).' })
  organization(@Root() record: Disclosed, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(record.organizationId);
  }

  @Query(() => DisclosureConnection, {
    description:
      'The disclosure catalog (公开目录) across every store, newest first unless `orderBy` says otherwise. When a store does not answer, `edges` holds the records of the stores that did, `totalCount` is null, and the response carries one error per missing store with this field\'s path (extensions.code SOURCE_UNAVAILABLE, extensions.source the store).',
  })
  // type-graphql lists arguments in the reverse order of the parameters: the SDL reads first/after/last/before, filter, orderBy.
  async disclosures(
    @Arg('orderBy', () => DisclosureOrder, { nullable: true, description: 'Sort order (default: publishedAt, newest first).' }) orderBy: DisclosureOrder | undefined,
    @Arg('filter', () => DisclosureFilter, { nullable: true, description: 'Conditions on the records.' }) filter: DisclosureFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const order = catalogOrder(orderBy);
    const built = await catalogFilter(filter, context);
    return disclosureConnection(built.filter, order, page, context, info.path, built.unavailable);
  }

  @Query(() => CatalogSummary, {
    description:
      'Number of disclosed records per catalog category for an organization and a period (公开目录统计). When a store does not answer, the counts are those of the stores that did, and the response carries one error per missing store with this field\'s path (extensions.code SOURCE_UNAVAILABLE, extensions.source the store).',
  })
  // Parameters in reverse, so the SDL reads organizationId, from, to, includeSubOrganizations.
  async catalogSummary(
    @Arg('includeSubOrganizations', () => Boolean, { defaultValue: true, description: 'Also count records of its departments and villages.' })
    includeSubOrganizations: boolean,
    @Arg('to', () => GraphQLDateTimeISO, { nullable: true, description: 'End of the period (exclusive).' }) to: Date | undefined,
    @Arg('from', () => GraphQLDateTimeISO, { nullable: true, description: 'Start of the period (inclusive).' }) from: Date | undefined,
    @Arg('organizationId', () => ID, { description: 'Global id of the organization.' }) organizationId: string,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CatalogSummary> {
    const scope = await organizationScope(organizationId, includeSubOrganizations, context, 'organizationId');
    const counted = await context.stores.catalog.countByCategory({
      organizationIds: scope.ids,
      visibleAt: context.now,
      ...(from ? { publishedFrom: from } : {}),
      ...(to ? { publishedTo: to } : {}),
    });
    const categories = Object.values(DisclosureCategory)
      .filter((category) => (counted.value.get(category) ?? 0) > 0)
      .map((category) => ({ category, name: CATEGORY_NAMES[category], count: counted.value.get(category)! }));
    // Both the categories and the total lack the missing stores, so the error's path is the summary field (the collector keeps one per store).
    for (const error of [...scope.unavailable, ...counted.unavailable]) context.partial.report(error, info.path);
    return {
      from: from ?? null,
      to: to ?? null,
      categories,
      total: categories.reduce((sum, c) => sum + c.count, 0),
    };
  }
}
