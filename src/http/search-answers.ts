/**
 * Which cached answers are catalog searches, and which changes can alter
 * them. A search (`disclosures(filter: { search })` at the root) finds only
 * entries whose search terms hold every n-gram of its query, so a change
 * can add a record to its pages or its total, or take one away, only if the
 * changed entry's terms held them before or hold them after; a record on
 * the page is dropped by its id anyway. An answer is taken for a search
 * only when its listings are exactly the searches' `edges` (a found
 * record's own list of values, such as its channels, is no listing,
 * `answer-lists.ts`): anything else (another list, a count) keeps the
 * response cache's rule for lists, which drops it on every change.
 */
import { Kind, getOperationAST, type DocumentNode, type ObjectValueNode, type ValueNode } from 'graphql';
import { queryTerms } from '../../datasources/catalog/search-terms.js';
import { holdsListing } from './answer-lists.js';

/** A root `disclosures` field with a search filter: its response key, and where its search text comes from. */
export interface SearchField {
  responseKey: string;
  /** The text written in the query, or the variable holding it (`filter` itself may be a variable). */
  search: { text: string } | { variable: string } | { filterVariable: string };
}

/** The root `disclosures` fields of `operationName`'s operation that carry a search filter. */
export function searchFieldsOf(document: DocumentNode, operationName: string | undefined): SearchField[] {
  const operation = getOperationAST(document, operationName);
  const fields: SearchField[] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'disclosures') continue;
    const filter = selection.arguments?.find((argument) => argument.name.value === 'filter')?.value;
    const search = searchOf(filter);
    if (search) fields.push({ responseKey: selection.alias?.value ?? selection.name.value, search });
  }
  return fields;
}

function searchOf(filter: ValueNode | undefined): SearchField['search'] | null {
  if (filter?.kind === Kind.VARIABLE) return { filterVariable: filter.name.value };
  if (filter?.kind !== Kind.OBJECT) return null;
  const value = (filter as ObjectValueNode).fields.find((field) => field.name.value === 'search')?.value;
  if (value?.kind === Kind.STRING) return { text: value.value };
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  return null;
}

function textOf(field: SearchField, variables: unknown): string | null {
  const vars = variables !== null && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
  const search = field.search;
  const text = 'text' in search ? search.text : 'variable' in search ? vars[search.variable] : (vars[search.filterVariable] as { search?: unknown } | null | undefined)?.search;
  return typeof text === 'string' ? text : null;
}

/**
 * The query n-grams of each search in `data`, when the answer is searches
 * only (every root field a search whose one list is its `edges`, holding no
 * list itself); null when it is anything else, or when a query has no
 * n-gram (every entry would match it).
 */
export function searchDependencies(data: unknown, fields: readonly SearchField[], variables: unknown): string[][] | null {
  if (fields.length === 0 || data === null || typeof data !== 'object') return null;
  const byKey = new Map(fields.map((field) => [field.responseKey, field]));
  const dependencies: string[][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === '__typename') continue;
    const field = byKey.get(key);
    if (!field || value === null || typeof value !== 'object') return null;
    const { edges, ...rest } = value as { edges?: unknown };
    if (holdsListing(rest) || (edges !== undefined && (!Array.isArray(edges) || edges.some(holdsListing)))) return null;
    const text = textOf(field, variables);
    const terms = text === null ? [] : queryTerms(text);
    if (terms.length === 0) return null;
    dependencies.push(terms);
  }
  return dependencies.length > 0 ? dependencies : null;
}

/** Whether any changed entry's terms (as sets) hold every n-gram of any of the searches. */
export function touchesSearches(searches: readonly string[][], changed: ReadonlyArray<ReadonlySet<string>>): boolean {
  return changed.some((terms) => searches.some((query) => query.every((term) => terms.has(term))));
}
