/** Builds a page of the federated catalog as a Relay connection value. */
import type { CatalogFilter, CatalogOrder } from '../datasources/catalog/catalog-query.js';
import { entryPosition } from '../datasources/catalog/federated-catalog.js';
import type { SourceUnavailableError } from '../datasources/errors.js';
import type { GatewayContext } from '../src/context.js';
import type { PageArgs } from '../schema/page.args.js';
import { decodeCatalogCursor, encodeCatalogCursor } from './catalog-cursor.js';
import { disclosedOfEntries, type Disclosed } from './disclosed-records.js';
import { lazy, type ConnectionValue } from './list-connection.js';
import { pageSize } from './page-size.js';

/** The page `args` asks for; stores that did not answer appear as error items at the end of `edges`, and `totalCount` fails for them. */
export async function disclosureConnection(
  filter: CatalogFilter,
  order: CatalogOrder,
  args: PageArgs,
  context: GatewayContext,
  alreadyUnavailable: SourceUnavailableError[] = [],
): Promise<ConnectionValue<Disclosed>> {
  const size = pageSize(args);
  const after = args.after != null ? decodeCatalogCursor(args.after, order, 'after') : undefined;
  const before = args.before != null ? decodeCatalogCursor(args.before, order, 'before') : undefined;
  const page = await context.stores.catalog.page({ filter, order, after, before, ...size });
  const values = await disclosedOfEntries(page.entries, context.loaders);
  const cursors = page.entries.map((entry) => encodeCatalogCursor(order, entryPosition(order, entry)));
  const unavailable = [...alreadyUnavailable];
  for (const error of page.unavailable) if (!unavailable.some((u) => u.source === error.source)) unavailable.push(error);
  return {
    edges: [...values.map((node, i) => (node instanceof Error ? node : { cursor: cursors[i]!, node })), ...unavailable],
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    // Counted only when asked for; a partial count would mislead, so a missing store fails it.
    totalCount: lazy(async () => {
      if (unavailable[0]) throw unavailable[0];
      const counted = await context.stores.catalog.count(filter);
      if (counted.unavailable[0]) throw counted.unavailable[0];
      return counted.value;
    }),
  };
}
