/** Builds a page of the federated catalog as a Relay connection value, and resolves its total. */
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { CatalogFilter, CatalogOrder } from '../datasources/catalog/catalog-query.js';
import { entryPosition, type PartialResult } from '../datasources/catalog/federated-catalog.js';
import { SourceUnavailableError } from '../datasources/errors.js';
import type { GatewayContext } from '../src/context.js';
import { DisclosureConnection } from '../schema/connections.type.js';
import type { PageArgs } from '../schema/page.args.js';
import { decodeCatalogCursor, encodeCatalogCursor } from './catalog-cursor.js';
import { disclosedOfEntries, type Disclosed } from './disclosed-records.js';
import type { ConnectionValue } from './list-connection.js';
import { pageSize } from './page-size.js';

/** A catalog page: its edges and page info, and how to count the whole list (done only when `totalCount` is selected). */
export interface DisclosureConnectionValue extends Omit<ConnectionValue<Disclosed>, 'totalCount'> {
  countAll(): Promise<PartialResult<number>>;
}

/** Adds the errors of `more` whose store is not in `into` yet. */
function addStores(into: SourceUnavailableError[], more: readonly SourceUnavailableError[]): void {
  for (const error of more) if (!into.some((u) => u.source === error.source)) into.push(error);
}

/**
 * The page `args` asks for, with records only. A store that did not answer
 * (while `filter` was built, `alreadyUnavailable`, or during the catalog
 * read, or when the records of its entries were loaded) is reported at
 * `path`, the connection field, and its records are left out. With
 * `batch`, a first page of an organization scope (and its count, when
 * `countToo`) is read together with the other scopes of the request.
 */
export async function disclosureConnection(
  filter: CatalogFilter,
  order: CatalogOrder,
  args: PageArgs,
  context: GatewayContext,
  path: GraphQLResolveInfo['path'],
  alreadyUnavailable: readonly SourceUnavailableError[] = [],
  batch?: { countToo: boolean },
): Promise<DisclosureConnectionValue> {
  const size = pageSize(args);
  const after = args.after != null ? decodeCatalogCursor(args.after, order, 'after') : undefined;
  const before = args.before != null ? decodeCatalogCursor(args.before, order, 'before') : undefined;
  const scope = filter.organizationIds;
  // A first page of a scope goes through the request's loader, so sibling organizations share one read per store.
  const batched = batch !== undefined && scope !== undefined && size.first !== undefined && after === undefined && before === undefined;
  // Asked for with the page, not when `totalCount` resolves: connections finish loading their records at different times, and would split the batch.
  const batchedCount = batched && batch.countToo ? context.loaders.organizationCount.load({ ...filter, organizationIds: scope }) : undefined;
  // Left unawaited when a store is missing; its failure is then already reported through the page.
  void batchedCount?.catch(() => undefined);
  const batchedPage = batched ? await context.loaders.organizationFirstPage.load({ filter: { ...filter, organizationIds: scope }, order, first: size.first }) : undefined;
  // Each store's page brings its entries' records along (loaders find them without another round trip).
  const prefetched = context.loaders.prefetched ?? undefined;
  const page = batchedPage ?? (await context.stores.catalog.page({ filter, order, after, before, ...size, ...(prefetched ? { prefetched } : {}) }));
  // A batched page waits for the records of its whole batch (cached loads, no further reads), so the batch's pages resolve together and their nodes' links batch too.
  const [values] = await Promise.all([disclosedOfEntries(page.entries, context.loaders), disclosedOfEntries(batchedPage?.batchEntries ?? [], context.loaders)]);
  const cursors = page.entries.map((entry) => encodeCatalogCursor(order, entryPosition(order, entry)));
  const unavailable = [...alreadyUnavailable];
  addStores(unavailable, page.unavailable);
  const edges: DisclosureConnectionValue['edges'] = [];
  const failed: Error[] = [];
  values.forEach((node, i) => {
    if (!(node instanceof Error)) edges.push({ cursor: cursors[i]!, node });
    // The store failed between the catalog read and the record read: its records are missing like those of a store that never answered.
    else if (node instanceof SourceUnavailableError) addStores(unavailable, [node]);
    // Anything else (an entry whose record is gone, a bug) is masked for the client and logged by the error formatter.
    else failed.push(node);
  });
  for (const error of [...unavailable, ...failed]) context.partial.report(error, path);
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      // The bounds of the entries read, even when their records were left out: paging on from them never returns to a failed record, as it never returns to the range a missing store skipped.
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    async countAll() {
      // Without a store the count would be short, and it is not asked for again.
      if (unavailable.length > 0) return { value: 0, unavailable };
      return batchedCount ?? context.stores.catalog.count(filter);
    },
  };
}

@Resolver(() => DisclosureConnection)
export class DisclosureConnectionResolver {
  @FieldResolver(() => Int, { nullable: true })
  async totalCount(@Root() connection: DisclosureConnectionValue, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<number | null> {
    const counted = await connection.countAll();
    if (counted.unavailable.length === 0) return counted.value;
    // A partial count would mislead: null, with one error per missing store at this field.
    for (const error of counted.unavailable) context.partial.report(error, info.path);
    return null;
  }
}
