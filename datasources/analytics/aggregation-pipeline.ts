/**
 * Translates an aggregation request into the pipeline one store runs: the
 * kind's `$match`, its preparation stages, one `$group` whose key holds the
 * grouped dimensions and whose accumulators are the exact partial sums,
 * value counts, minima and maxima that the gateway can merge across stores.
 * Averages are never computed in the store: they are rebuilt from sums and
 * counts after merging, so nothing is averaged twice.
 */
import type { Document } from 'mongodb';
import type { AggregationRequest, Dimension } from './analytics-request.js';
import { KIND_DEFINITIONS } from './analytics-kinds.js';

/** The stored dimensions a request needs (the organization's level is derived from the organization in the gateway). */
export function storedDimensions(groupBy: readonly Dimension[]): Dimension[] {
  const stored = groupBy.filter((d) => d !== 'ORGANIZATION_LEVEL');
  if (groupBy.includes('ORGANIZATION_LEVEL') && !stored.includes('ORGANIZATION')) stored.push('ORGANIZATION');
  return stored;
}

/** Accumulator names of measure number `i` (names are ours, never the client's). */
export function accumulatorNames(i: number) {
  return { sum: `m${i}_sum`, values: `m${i}_n`, min: `m${i}_min`, max: `m${i}_max` };
}

/**
 * The pipeline for `request` in one store. `hiddenIds` are ids of records
 * whose catalog entry is scheduled after `visibleAt` (not yet public).
 * `maxGroups` caps the groups returned (one more is asked, to detect excess).
 */
export function aggregationPipeline(request: AggregationRequest, hiddenIds: readonly string[], maxGroups: number): Document[] {
  const definition = KIND_DEFINITIONS[request.kind];
  const and = definition.match(request.filter);
  if (definition.published && hiddenIds.length > 0) and.push({ [definition.published.idField]: { $nin: [...hiddenIds] } });
  if (!definition.published) and.push({ publishedAt: { $lte: request.visibleAt } });
  const id: Document = {};
  for (const dimension of storedDimensions(request.groupBy)) {
    const expression = definition.dimensions[dimension];
    if (expression === undefined) throw new RangeError(`${request.kind} records cannot be grouped by ${dimension}`);
    id[dimension] = expression;
  }
  const group: Document = { _id: Object.keys(id).length === 0 ? null : id, count: { $sum: 1 } };
  request.measures.forEach((name, i) => {
    const field = definition.measures[name];
    if (!field) throw new RangeError(`${request.kind} records have no measure ${name}`);
    const names = accumulatorNames(i);
    group[names.sum] = { $sum: field.path };
    if (field.nullable) group[names.values] = { $sum: { $cond: [{ $gt: [field.path, null] }, 1, 0] } };
    group[names.min] = { $min: field.path };
    group[names.max] = { $max: field.path };
  });
  return [
    ...(and.length === 0 ? [] : [{ $match: and.length === 1 ? and[0]! : { $and: and } }]),
    ...definition.prepare(request.groupBy),
    { $group: group },
    { $limit: maxGroups + 1 },
  ];
}
