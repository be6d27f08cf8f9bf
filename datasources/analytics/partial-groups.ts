/**
 * Partial groups from the stores and their exact merge: counts and sums add,
 * minima and maxima combine, and groups with equal keys become one. Used for
 * the same kind in several stores and for re-grouping (an organization's
 * groups into its level), so averages, rebuilt later from the merged sums and
 * value counts, are never averages of averages.
 */
import type { Document } from 'mongodb';
import { accumulatorNames } from './aggregation-pipeline.js';
import type { AggregateGroup, Dimension, GroupKey, MeasureSummary } from './analytics-request.js';
import { KIND_DEFINITIONS } from './analytics-kinds.js';
import type { AnalyticsKind } from './analytics-request.js';
import { addDecimal, decimalText, maxDecimal, minDecimal } from './decimal-arithmetic.js';

function keyValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // Dimension numbers (years, months, quarters) may come back as doubles or Longs.
  return Number(decimalText(typeof value === 'number' && !Number.isInteger(value) ? Math.round(value) : value));
}

/** A store's `$group` output row as a group, for the measures asked (in request order). */
export function decodeGroup(kind: AnalyticsKind, row: Document, dimensions: readonly Dimension[], measures: readonly string[]): AggregateGroup {
  const key: GroupKey = {};
  const id = (row._id ?? {}) as Document;
  for (const dimension of dimensions) key[dimension] = keyValue(id[dimension]);
  const count = Number(decimalText(row.count));
  const summaries: Record<string, MeasureSummary> = {};
  measures.forEach((name, i) => {
    const names = accumulatorNames(i);
    const nullable = KIND_DEFINITIONS[kind].measures[name]?.nullable ?? false;
    summaries[name] = {
      sum: row[names.sum] === null || row[names.sum] === undefined ? '0' : decimalText(row[names.sum]),
      values: nullable ? Number(decimalText(row[names.values])) : count,
      min: row[names.min] === null || row[names.min] === undefined ? null : decimalText(row[names.min]),
      max: row[names.max] === null || row[names.max] === undefined ? null : decimalText(row[names.max]),
    };
  });
  return { key, count, measures: summaries };
}

/** The identity of a key over `dimensions`, for merging equal keys. */
export function keyIdentity(key: GroupKey, dimensions: readonly Dimension[]): string {
  return JSON.stringify(dimensions.map((d) => key[d] ?? null));
}

function mergeSummary(a: MeasureSummary, b: MeasureSummary): MeasureSummary {
  return { sum: addDecimal(a.sum, b.sum), values: a.values + b.values, min: minDecimal(a.min, b.min), max: maxDecimal(a.max, b.max) };
}

/** Two groups as one (their keys are taken to be equal). */
export function mergeGroup(a: AggregateGroup, b: AggregateGroup): AggregateGroup {
  const measures: Record<string, MeasureSummary> = { ...a.measures };
  for (const [name, summary] of Object.entries(b.measures)) measures[name] = measures[name] ? mergeSummary(measures[name], summary) : summary;
  return { key: a.key, count: a.count + b.count, measures };
}

/** Groups re-keyed to `dimensions` (keys projected on them) and merged where keys are equal, in first-seen order. */
export function mergeGroups(groups: Iterable<AggregateGroup>, dimensions: readonly Dimension[]): AggregateGroup[] {
  const merged = new Map<string, AggregateGroup>();
  for (const group of groups) {
    const key: GroupKey = {};
    for (const d of dimensions) key[d] = group.key[d] ?? null;
    const identity = keyIdentity(key, dimensions);
    const seen = merged.get(identity);
    merged.set(identity, seen ? mergeGroup(seen, { ...group, key }) : { ...group, key });
  }
  return [...merged.values()];
}

/** The group over everything (no key), for totals; with no groups, a zero count and zero sums. */
export function totalOf(groups: readonly AggregateGroup[], measures: readonly string[]): AggregateGroup {
  const empty: AggregateGroup = {
    key: {},
    count: 0,
    measures: Object.fromEntries(measures.map((m) => [m, { sum: '0', values: 0, min: null, max: null }])),
  };
  return groups.reduce((total, group) => mergeGroup(total, group), empty);
}
