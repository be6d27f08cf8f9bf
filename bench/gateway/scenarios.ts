/**
 * The gateway benchmark's scenarios: the operations a portal sends, the
 * requests that carry them (over a sample of the data set's ids), and how
 * an answer is checked before a scenario is measured.
 */
import type { DisclosureKind } from '../../datasources/catalog/catalog-entry.js';
import type { PlannedRequest } from './drive.js';
import { SEARCH_TOPICS, type DatasetIndex } from './dataset.js';

/** (a) A portal catalog page with organization, parent and each kind's own linked fields. */
export const CATALOG_PAGE_QUERY = `query CatalogPage($first: Int) {
  disclosures(first: $first) {
    edges { node {
      __typename id title
      organization { id name parent { id name } }
      ... on ThreePublicExpenseStatement { phase month total items { item amount groups travellers vehiclesPurchased vehiclesHeld receptions guests } }
      ... on Procurement { ocid awards { value { amount } suppliers { id name } } }
      ... on Appointment { action person { id name } post { id label } }
      ... on FundAllocation { amount recipientOrganization { name } }
      ... on PublishedDocument { documentType body }
    } }
  }
}`;

/** (b) An item page by global id. */
export const ITEM_QUERY = `query Item($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Disclosure { title category publishedAt indexNumber channels organization { id name parent { id name } } }
    ... on ThreePublicExpenseStatement { phase year month total items { item amount } }
    ... on Procurement { ocid awards { title value { amount } suppliers { id name } } }
    ... on Appointment { action effectiveDate documentNumber person { id name } post { id label } }
    ... on FundAllocation { amount purpose recipientOrganization { name } }
    ... on PublishedDocument { documentType fileNumber: documentNumber body }
  }
}`;

/** (c) A Chinese text search page of 20 with the number of matches. */
export const SEARCH_QUERY = `query Search($search: String!) {
  disclosures(first: 20, filter: { search: $search }) {
    totalCount
    edges { node { __typename id title publishedAt organization { name } } }
  }
}`;

export type ScenarioName = 'catalog' | 'item' | 'search' | 'mixed';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function post(query: string, variables: Record<string, unknown>): PlannedRequest {
  return { method: 'POST', path: '/graphql', headers: JSON_HEADERS, body: JSON.stringify({ query, variables }) };
}

const globalId = (kind: DisclosureKind, id: string) => Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');

/** The catalog page of `first` items. */
export function catalogRequests(first: number): PlannedRequest[] {
  return [post(CATALOG_PAGE_QUERY, { first })];
}

/** Item pages over the data set's sample of ids, of every kind. */
export function itemRequests(index: DatasetIndex): PlannedRequest[] {
  return index.items.map((item) => post(ITEM_QUERY, { id: globalId(item.kind, item.id) }));
}

/** Search pages, one per topic word. */
export function searchRequests(): PlannedRequest[] {
  return SEARCH_TOPICS.map((search) => post(SEARCH_QUERY, { search }));
}

/** Portal reads in the proportions of a portal's traffic: 6 item pages, 3 catalog pages, 1 search in every 10. */
export function mixedRequests(index: DatasetIndex): PlannedRequest[] {
  const items = itemRequests(index);
  const searches = searchRequests();
  const mixed: PlannedRequest[] = [];
  for (let i = 0; i < 200; i++) {
    const slot = i % 10;
    if (slot < 6) mixed.push(items[i % items.length]!);
    else if (slot < 9) mixed.push(catalogRequests(50)[0]!);
    else mixed.push(searches[i % searches.length]!);
  }
  return mixed;
}

/** Why an answer to a scenario is wrong, or null when it is right. */
export function checkAnswer(scenario: ScenarioName, body: unknown, expected: { first?: number }): string | null {
  const answer = body as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (answer.errors !== undefined) return `errors: ${JSON.stringify(answer.errors).slice(0, 300)}`;
  if (!answer.data) return 'no data';
  if (scenario === 'catalog') {
    const edges = (answer.data.disclosures as { edges: Array<{ node: { organization: unknown } }> }).edges;
    if (edges.length !== expected.first) return `${edges.length} edges instead of ${expected.first}`;
    if (edges.some((e) => e.node.organization === null)) return 'an item without its organization';
    return null;
  }
  if (scenario === 'item') return (answer.data.node as { id?: string } | null)?.id ? null : 'no item';
  if (scenario === 'search') {
    const found = answer.data.disclosures as { totalCount: number; edges: Array<{ node: { title: string } }> };
    return found.totalCount > 0 && found.edges.length > 0 ? null : 'nothing found';
  }
  return null;
}
