/**
 * The catalog's query language as the data layer understands it: a filter
 * that every store applies to its own entries, a total order (sort field,
 * then id), and positions in that order.
 */
import type { Document } from 'mongodb';
import type { CategoryCode, DisclosureKind } from './catalog-entry.js';
import { escapeRegExp, normalizeText, queryTerms } from './search-terms.js';

/** Conditions on catalog entries; every present condition must hold. */
export interface CatalogFilter {
  /** Entries of any of these organizations (already expanded to sub-organizations by the caller). */
  organizationIds?: string[];
  categories?: CategoryCode[];
  kinds?: DisclosureKind[];
  /** Inclusive lower bound of `publishedAt`. */
  publishedFrom?: Date;
  /** Exclusive upper bound of `publishedAt`. */
  publishedTo?: Date;
  /** A substring the title or text must contain (Chinese or not). */
  search?: string;
  /** Only entries already published at this instant (a scheduled publication stays hidden until its time). */
  visibleAt?: Date;
}

export type CatalogSortField = 'publishedAt' | 'indexNumber';

/** The order of a catalog listing: the field, then the entry id, both in `direction`. */
export interface CatalogOrder {
  field: CatalogSortField;
  direction: 1 | -1;
}

/** A point in a catalog order: the sort field's value and the entry id. */
export interface CatalogPosition {
  value: Date | string;
  id: string;
}

/** The MongoDB filter for `filter`; search needs every n-gram of the query and then the literal substring. */
export function catalogFilterQuery(filter: CatalogFilter): Document {
  const and: Document[] = [];
  if (filter.organizationIds) and.push({ organizationId: { $in: filter.organizationIds } });
  if (filter.categories) and.push({ category: { $in: filter.categories } });
  if (filter.kinds) and.push({ kind: { $in: filter.kinds } });
  if (filter.publishedFrom || filter.publishedTo || filter.visibleAt) {
    const range: Document = {};
    if (filter.publishedFrom) range.$gte = filter.publishedFrom;
    if (filter.publishedTo) range.$lt = filter.publishedTo;
    if (filter.visibleAt) range.$lte = filter.visibleAt;
    and.push({ publishedAt: range });
  }
  if (filter.search !== undefined) {
    const needle = normalizeText(filter.search);
    for (const term of queryTerms(needle)) and.push({ searchTerms: term });
    and.push({ searchText: { $regex: escapeRegExp(needle) } });
  }
  return and.length === 0 ? {} : { $and: and };
}

/** The condition "strictly after `position`" (or before, with `side = 'before'`) in `order`. */
export function positionQuery(order: CatalogOrder, position: CatalogPosition, side: 'after' | 'before'): Document {
  const forward = (order.direction === 1) === (side === 'after');
  const strict = forward ? '$gt' : '$lt';
  const loose = forward ? '$gte' : '$lte';
  const { field } = order;
  // The loose bound lets an index on the sort field serve the query; the $or makes it exact.
  return {
    $and: [
      { [field]: { [loose]: position.value } },
      { $or: [{ [field]: { [strict]: position.value } }, { [field]: position.value, _id: { [strict]: position.id } }] },
    ],
  };
}

/** The sort document of `order`, or of its reverse. */
export function sortSpec(order: CatalogOrder, reverse: boolean): Record<string, 1 | -1> {
  const direction = (reverse ? -order.direction : order.direction) as 1 | -1;
  return { [order.field]: direction, _id: direction };
}

function compareValues(a: Date | string, b: Date | string): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  // MongoDB compares strings by their UTF-8 bytes (no collation); so must the merge.
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

/** Compares two positions as `order` sorts them (negative: `a` comes first). */
export function comparePositions(order: CatalogOrder, a: CatalogPosition, b: CatalogPosition): number {
  const byValue = compareValues(a.value, b.value);
  const raw = byValue !== 0 ? byValue : Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
  return Math.sign(raw) * order.direction;
}
