/** Links of an organization: parent, children, its catalog; and the list of organizations. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { DisclosureConnection, OrganizationConnection } from '../schema/connections.type.js';
import { DisclosureFilter } from '../schema/disclosure-filter.input.js';
import { DisclosureOrder } from '../schema/disclosure-order.input.js';
import { OrganizationClassification } from '../schema/organization-classification.enum.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { disclosureConnection } from './disclosure-connection.js';
import { catalogFilter, catalogOrder } from './disclosure-filter.js';
import { toGlobalId } from './global-id.js';
import { selectsSubfield } from './selected-fields.js';
import { listConnection } from './list-connection.js';

const byName = (org: OrganizationRecord) => `${org.name}\u0000${org.id}`;

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization above this one (上级机构); null for the district.' })
  parent(@Root() org: OrganizationRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> | null {
    return org.parentId ? context.loaders.organization.load(org.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organizations directly below this one (下属机构), by name.' })
  async children(@Root() org: OrganizationRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    return listConnection(await context.loaders.organizationChildren.load(org.id), byName, page);
  }

  @FieldResolver(() => DisclosureConnection, {
    description:
      'Records this organization disclosed (and, by default, those of its departments and villages), newest first. A store that does not answer is reported as for `Query.disclosures`, with this field\'s path.',
  })
  // Parameters in reverse, so the SDL reads first/after/last/before, includeSubOrganizations, filter, orderBy.
  async disclosures(
    @Root() org: OrganizationRecord,
    @Arg('orderBy', () => DisclosureOrder, { nullable: true, description: 'Sort order (default: newest first).' }) orderBy: DisclosureOrder | undefined,
    @Arg('filter', () => DisclosureFilter, { nullable: true, description: 'Further conditions (its organizationId and includeSubOrganizations are replaced by this organization and the argument above).' }) filter: DisclosureFilter | undefined,
    @Arg('includeSubOrganizations', () => Boolean, { defaultValue: true, description: 'Also records of its departments and villages.' }) includeSubOrganizations: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const built = await catalogFilter({ ...filter, organizationId: toGlobalId('Organization', org.id), includeSubOrganizations }, context);
    return disclosureConnection(built.filter, catalogOrder(orderBy), page, context, info.path, built.unavailable, { countToo: selectsSubfield(info, 'totalCount') });
  }

  @Query(() => OrganizationConnection, { description: 'Organizations of the hierarchy (district, town, departments, villages), by name.' })
  async organizations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('classification', () => OrganizationClassification, { nullable: true, description: 'Only organizations of this level.' })
    classification: OrganizationClassification | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const all = await context.stores.office.allOrganizations();
    return listConnection(classification ? all.filter((org) => org.classification === classification) : all, byName, page);
  }
}
