/** Turns the GraphQL catalog arguments into the data layer's filter and order. */
import type { CategoryCode } from '../datasources/catalog/catalog-entry.js';
import type { CatalogFilter, CatalogOrder } from '../datasources/catalog/catalog-query.js';
import { SourceUnavailableError } from '../datasources/errors.js';
import type { GatewayContext } from '../src/context.js';
import { CATEGORY_NAMES, DisclosureCategory } from '../schema/disclosure-category.enum.js';
import type { DisclosureFilter } from '../schema/disclosure-filter.input.js';
import type { DisclosureOrder } from '../schema/disclosure-order.input.js';
import { DisclosureOrderField, OrderDirection } from '../schema/ordering.enums.js';
import { badUserInput } from './bad-user-input.js';
import { recordIdOf } from './global-id.js';

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 100;

const CATEGORY_BY_NAME = new Map<string, DisclosureCategory>(
  Object.values(DisclosureCategory).flatMap((code) => [
    [code, code],
    [CATEGORY_NAMES[code], code],
  ]),
);

/** A category code from its enum value or Chinese name; anything else is BAD_USER_INPUT on `argumentName`. */
export function categoryCode(text: string, argumentName: string): CategoryCode {
  const code = CATEGORY_BY_NAME.get(text.trim());
  if (!code) {
    const known = Object.values(DisclosureCategory).map((c) => `${c} (${CATEGORY_NAMES[c]})`).join(', ');
    throw badUserInput(argumentName, `Unknown category "${text}". Known categories: ${known}.`);
  }
  return code;
}

/** The ids an organization filter covers: the organization, and with `includeSubOrganizations` everything below it. */
export async function organizationScope(
  organizationId: string,
  includeSubOrganizations: boolean,
  context: GatewayContext,
  argumentName: string,
): Promise<{ ids: string[]; unavailable: SourceUnavailableError[] }> {
  const id = recordIdOf(organizationId, 'Organization', argumentName);
  if (!includeSubOrganizations) return { ids: [id], unavailable: [] };
  try {
    return { ids: await context.loaders.organizationSubtree.load(id), unavailable: [] };
  } catch (error) {
    // Without the office store the hierarchy is unknown: the organization's own records are still served.
    if (error instanceof SourceUnavailableError) return { ids: [id], unavailable: [error] };
    throw error;
  }
}

/** The data layer's filter for the `filter` argument, with the stores that could not be asked while building it. */
export async function catalogFilter(
  input: DisclosureFilter | undefined | null,
  context: GatewayContext,
): Promise<{ filter: CatalogFilter; unavailable: SourceUnavailableError[] }> {
  const filter: CatalogFilter = { visibleAt: context.now };
  let unavailable: SourceUnavailableError[] = [];
  if (!input) return { filter, unavailable };
  if (input.categories != null) filter.categories = input.categories.map((c) => categoryCode(c, 'filter.categories'));
  if (input.kinds != null) filter.kinds = [...input.kinds];
  if (input.publishedFrom != null) filter.publishedFrom = input.publishedFrom;
  if (input.publishedTo != null) filter.publishedTo = input.publishedTo;
  if (input.search != null) {
    if (input.search.trim().length === 0) throw badUserInput('filter.search', '`filter.search` is empty; leave it out to match everything.');
    if (input.search.length > MAX_SEARCH_LENGTH) {
      throw badUserInput('filter.search', `\`filter.search\` may be at most ${MAX_SEARCH_LENGTH} characters.`, { limit: MAX_SEARCH_LENGTH, actual: input.search.length });
    }
    filter.search = input.search;
  }
  if (input.organizationId != null) {
    const scope = await organizationScope(input.organizationId, input.includeSubOrganizations ?? false, context, 'filter.organizationId');
    filter.organizationIds = scope.ids;
    unavailable = scope.unavailable;
  }
  return { filter, unavailable };
}

/** The data layer's order for the `orderBy` argument (default: newest first). */
export function catalogOrder(orderBy: DisclosureOrder | undefined | null): CatalogOrder {
  const field = orderBy?.field === DisclosureOrderField.INDEX_NUMBER ? 'indexNumber' : 'publishedAt';
  const direction = (orderBy?.direction ?? OrderDirection.DESC) === OrderDirection.ASC ? 1 : -1;
  return { field, direction };
}
