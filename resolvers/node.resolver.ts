/** Global ids and `node`/`nodes` lookups for every type with an id. */
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../src/context.js';
import { Node } from '../schema/node.interface.js';
import { disclosedById } from './disclosed-records.js';
import { badUserInput } from './bad-user-input.js';
import { resolveOfficeNode } from './office-nodes.js';
import { fromGlobalId, toGlobalId } from './global-id.js';
import { MAX_PAGE_SIZE } from '../schema/page.args.js';

async function resolveNode(globalId: string, context: GatewayContext, argumentName: string): Promise<object | null> {
  const { type, id } = fromGlobalId(globalId, argumentName);
  const { loaders } = context;
  const tagged = (record: object | null) => (record ? { ...record, __typename: type } : null);
  switch (type) {
    case 'Organization':
      return tagged(await loaders.organization.load(id));
    case 'Person':
      return tagged(await loaders.person.load(id));
    case 'Post':
      return tagged(await loaders.post.load(id));
    case 'ThreePublicExpense':
      return tagged(await loaders.expense.load(id));
    case 'Supplier':
      return tagged(await loaders.supplier.load(id));
    case 'Appointment':
    case 'ThreePublicExpenseStatement':
    case 'FundAllocation':
    case 'Procurement':
    case 'PublishedDocument':
      return disclosedById(type, id, loaders);
    default: {
      const office = await resolveOfficeNode(type, id, loaders);
      if (office !== undefined) return office;
      throw badUserInput(argumentName, `"${globalId}" names an unknown type ${type}.`);
    }
  }
}

@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID, { description: 'Global id, opaque; pass it to `node(id:)` to fetch the object again.' })
  id(@Root() value: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, value.id);
  }

  @Query(() => Node, { nullable: true, description: 'The object with this global id, or null when there is none (or it is not published).' })
  node(@Arg('id', () => ID, { description: 'A global id.' }) id: string, @Ctx() context: GatewayContext): Promise<object | null> {
    return resolveNode(id, context, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: `The objects with these global ids, in the same order (null where there is none); at most ${MAX_PAGE_SIZE}.` })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() context: GatewayContext): Promise<(object | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput('ids', `At most ${MAX_PAGE_SIZE} ids, got ${ids.length}.`, { limit: MAX_PAGE_SIZE, actual: ids.length });
    return Promise.all(ids.map((id) => resolveNode(id, context, 'ids')));
  }
}
