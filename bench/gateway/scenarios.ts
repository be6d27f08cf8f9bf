/**
 * The gateway benchmark's scenarios: the operations a portal sends, the
 * requests that carry them (over a sample of the data set's ids), and how
 * an answer is checked before a scenario is measured.
 */
import type { DisclosureKind } from '../../datasources/catalog/catalog-entry.js';
import type { PlannedRequest } from './drive.js';
import { SEARCH_TOPICS, type DatasetIndex } from './dataset.js';
import { SEQUENCE } from './sequence.js';

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

/** (d) An analyst's aggregation: a year of 三公 expenses by organization and month. */
export const ANALYTICS_QUERY = `query ExpensesByOrganizationAndMonth($year: Int!) {
  threePublicExpenseAggregate(filter: { yearFrom: $year, yearTo: $year, periodType: MONTHLY }, groupBy: [ORGANIZATION, MONTH], first: 1000) {
    groupCount complete
    total { count amount { sum } }
    groups { key { organization { id name } month } count amount { sum } }
  }
}`;

/** (e) A department's push of fund allocations (下拨资金). */
export const PUSH_MUTATION = `mutation Push($records: [FundAllocationPushInput!]!) {
  pushFundAllocations(records: $records) { totals { created updated unchanged rejected } }
}`;

export type ScenarioName = 'catalog' | 'item' | 'search' | 'analytics' | 'push' | 'mixed';

/** Authorization headers of the benchmark's API keys. */
export interface BenchCredentials {
  analyst: Record<string, string>;
  department: Record<string, string>;
  /** The organization the department key writes for. */
  departmentOrganizationId: string;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): PlannedRequest {
  return { method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ query, variables }) };
}

const globalId = (kind: DisclosureKind, id: string) => Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');

/** The catalog page of `first` items. */
export function catalogRequests(first: number): PlannedRequest[] {
  return [post(CATALOG_PAGE_QUERY, { first })];
}

/**
 * The catalog page of 50 as a portal behind an HTTP cache asks for it
 * again: a GET with the ETag of its last answer, which is answered 304
 * without a body while the page is unchanged.
 */
export function conditionalCatalogRequest(etag: string | null): PlannedRequest {
  const search = new URLSearchParams({ query: CATALOG_PAGE_QUERY, variables: JSON.stringify({ first: 50 }) });
  return {
    method: 'GET',
    path: `/graphql?${search.toString()}`,
    headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...(etag ? { 'if-none-match': etag } : {}) },
  };
}

/** Item pages over the data set's sample of ids, of every kind. */
export function itemRequests(index: DatasetIndex): PlannedRequest[] {
  return index.items.map((item) => post(ITEM_QUERY, { id: globalId(item.kind, item.id) }));
}

/** Search pages, one per topic word. */
export function searchRequests(): PlannedRequest[] {
  return SEARCH_TOPICS.map((search) => post(SEARCH_QUERY, { search }));
}

/** Aggregations over each of the data set's ten years. */
export function analyticsRequests(credentials: BenchCredentials): PlannedRequest[] {
  return Array.from({ length: 10 }, (_, i) => post(ANALYTICS_QUERY, { year: 2016 + i }, credentials.analyst));
}

/** The start of the source id of every record `pushRequests` makes with `tag`. */
export function pushedSourcePrefix(tag: string): string {
  return `bench-${tag}-`;
}

/**
 * `batches` pushes of `size` allocations each, every record new the first
 * time it is sent; sent again (the load generator cycles), a batch is an
 * idempotent retry that finds every record unchanged. With `corrections`,
 * every send is instead a new version of the batch's records (the load
 * generator numbers it, see `SEQUENCE` in `drive.ts`) with a changed
 * purpose: a real correction that is published and announced, so caches of
 * answers lose what it touches.
 */
export function pushRequests(credentials: BenchCredentials, batches: number, size = 1_000, tag = 'p', corrections = false): PlannedRequest[] {
  return Array.from({ length: batches }, (_, b) => {
    const records = Array.from({ length: size }, (_, i) => ({
      sourceId: `${pushedSourcePrefix(tag)}${b}-${i}`,
      version: corrections ? SEQUENCE : 1,
      organizationId: credentials.departmentOrganizationId,
      recipientProject: '村级道路维护工程',
      purpose: `${2025}年第${1 + (i % 4)}季度道路维护经费${corrections ? `（第${SEQUENCE}次更正）` : ''}`,
      amount: `${1000 + i}.${String(b % 100).padStart(2, '0')}`,
      date: '2025-06-30',
      documentNumber: `财〔2025〕${b}-${i}号`,
      title: `村级道路维护经费下拨情况（第${b}批第${i}项）`,
    }));
    return post(PUSH_MUTATION, { records }, credentials.department);
  });
}

/**
 * The mixed load: 90% portal reads (6 item pages, 2 catalog pages, 1 search
 * in every 9), 9% analyst aggregations, 1% department pushes (batches of
 * 100, so that one push does not stand for a tenth of the whole load; each
 * a correction of published allocations, so the caches of answers are
 * invalidated while they serve). `without` sends item pages in the slots of
 * the pushes or of the aggregations, to see what each costs the rest.
 */
export function mixedRequests(index: DatasetIndex, credentials: BenchCredentials, without: 'pushes' | 'aggregations' | null = null): PlannedRequest[] {
  // Each request names its group, whose latencies the load generator also summarizes on their own; the portal's reads by page, since a push drops them differently.
  const inGroup = (requests: PlannedRequest[], group: string) => requests.map((request) => ({ ...request, group }));
  const items = inGroup(itemRequests(index), 'items');
  const searches = inGroup(searchRequests(), 'searches');
  const catalog = inGroup(catalogRequests(50), 'catalog')[0]!;
  const analytics = inGroup(analyticsRequests(credentials), 'aggregations');
  const pushes = inGroup(pushRequests(credentials, 20, 100, 'mixed', true), 'pushes');
  const mixed: PlannedRequest[] = [];
  for (let i = 0; i < 1_000; i++) {
    const slot = i % 100;
    if (slot === 99) mixed.push(without === 'pushes' ? items[i % items.length]! : pushes[Math.floor(i / 100) % pushes.length]!);
    else if (slot >= 90) mixed.push(without === 'aggregations' ? items[i % items.length]! : analytics[i % analytics.length]!);
    else if (slot % 9 < 6) mixed.push(items[i % items.length]!);
    else if (slot % 9 < 8) mixed.push(catalog);
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
  if (scenario === 'analytics') {
    const aggregate = answer.data.threePublicExpenseAggregate as { groupCount: number; complete: boolean };
    return aggregate.groupCount > 0 && aggregate.complete ? null : 'no groups, or an incomplete aggregate';
  }
  if (scenario === 'push') {
    const totals = (answer.data.pushFundAllocations as { totals: { created: number; updated: number; unchanged: number; rejected: number } }).totals;
    return totals.rejected === 0 && totals.created + totals.updated + totals.unchanged > 0 ? null : `push totals ${JSON.stringify(totals)}`;
  }
  if (scenario === 'search') {
    const found = answer.data.disclosures as { totalCount: number; edges: Array<{ node: { title: string } }> };
    return found.totalCount > 0 && found.edges.length > 0 ? null : 'nothing found';
  }
  return null;
}
