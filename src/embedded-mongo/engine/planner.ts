import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { compareValues, keyString } from '../query/index.js';
import type { Collection } from './collection.js';
import type { IndexKey } from './index-key.js';
import { type FieldCondition, fieldConditions, rangeInterval } from './query-bounds.js';
import type { SecondaryIndex } from './secondary-index.js';

/** How a query reaches its candidate documents; the filter still verifies every candidate. */
export type Plan =
  | { stage: 'EOF' }
  | { stage: 'COLLSCAN'; reverse: boolean }
  | { stage: 'IDHACK'; keys: string[] }
  /** A top-level `$or` whose every branch is planned through an index: the union of the branches' documents. */
  | { stage: 'OR'; branches: Plan[] }
  | {
      stage: 'IXSCAN';
      index: SecondaryIndex;
      /** Disjoint `[low, high]` intervals in tree order. */
      intervals: [IndexKey, IndexKey][];
      reverse: boolean;
      /** The scan yields documents already in the requested sort order. */
      providesSort: boolean;
      /** When every index field is pinned by equality: the full key tuples, in interval order, looked up by hash. */
      points?: unknown[][];
      /** When present, only entries whose record key passes are fetched (other terms' postings, checked by hash). */
      accept?: (id: string) => boolean;
      /** Values every record the scan yields has an entry of in `index` (the terms `accept` and the points checked). */
      holds?: { index: SecondaryIndex; values: unknown[] };
    };

/** Beyond this many equality combinations a compound prefix stops growing (the filter does the rest). */
const MAX_INTERVALS = 1000;

function sortFields(sort: Document | undefined): { path: string; direction: number }[] {
  if (!sort) return [];
  return Object.entries(sort).map(([path, d]) => ({ path, direction: typeof d === 'number' ? Math.sign(d) : NaN }));
}

/** 1 when the index fields from `offset` on yield `sort` forward, -1 backward, 0 when not at all. */
function sortDirection(index: SecondaryIndex, sort: { path: string; direction: number }[], offset: number): number {
  if (sort.length === 0 || index.multikey || index.sparse || index.partial) return 0;
  if (offset + sort.length > index.fields.length) return 0;
  let way = 0;
  for (let i = 0; i < sort.length; i++) {
    const f = index.fields[offset + i]!;
    const s = sort[i]!;
    if (f.path !== s.path || !(s.direction === 1 || s.direction === -1)) return 0;
    const w = f.direction === s.direction ? 1 : -1;
    if (way !== 0 && w !== way) return 0;
    way = w;
  }
  return way;
}

function orderedPoints(points: unknown[], direction: number): unknown[] {
  const seen = new Set<string>();
  const unique = points.filter((p) => {
    const k = keyString(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort((a, b) => compareValues(a, b) * direction);
}

interface Candidate {
  index: SecondaryIndex;
  intervals: [IndexKey, IndexKey][];
  score: number;
  /** Number of leading fields fixed to single values (all intervals share them). */
  fixedPrefix: number;
  points?: unknown[][];
}

/** Intervals of `index` implied by the filter conditions, or undefined when its leading field is unconstrained. */
function indexIntervals(index: SecondaryIndex, conds: Map<string, FieldCondition>): Candidate | undefined {
  let prefixes: unknown[][] = [[]];
  let score = 0;
  let fixedPrefix = 0;
  let singleSoFar = true;
  for (const field of index.fields) {
    const cond = conds.get(field.path);
    if (cond?.points !== undefined) {
      const points = orderedPoints(cond.points, field.direction);
      if (points.length === 0) return { index, intervals: [], score: 100, fixedPrefix: 0 };
      // The leading field takes any number of keys (a batched $in); later fields only while the product stays small.
      if (prefixes[0]!.length > 0 && prefixes.length * points.length > MAX_INTERVALS) break;
      const next: unknown[][] = [];
      for (const p of prefixes) for (const v of points) next.push([...p, v]);
      prefixes = next;
      score += 2;
      if (singleSoFar && points.length === 1) fixedPrefix++;
      else singleSoFar = false;
      continue;
    }
    const range = cond === undefined ? undefined : rangeInterval(cond, index.multikey);
    if (range !== undefined) {
      score += 1;
      const [first, last] = field.direction === 1 ? [range.lower, range.upper] : [range.upper, range.lower];
      const intervals = prefixes.map((p): [IndexKey, IndexKey] => [
        { v: [...p, first.value], id: '', b: first.inclusive ? -1 : 1 },
        { v: [...p, last.value], id: '', b: last.inclusive ? 1 : -1 },
      ]);
      return { index, intervals, score, fixedPrefix };
    }
    break;
  }
  if (score === 0) return undefined;
  const intervals = prefixes.map((p): [IndexKey, IndexKey] => [
    { v: p, id: '', b: -1 },
    { v: p, id: '', b: 1 },
  ]);
  const full = prefixes[0]!.length === index.fields.length;
  return full ? { index, intervals, score, fixedPrefix, points: prefixes } : { index, intervals, score, fixedPrefix };
}

function fullScan(): [IndexKey, IndexKey][] {
  return [[{ v: [], id: '', b: -1 }, { v: [], id: '', b: 1 }]];
}

function findHinted(coll: Collection, hint: Document | string): SecondaryIndex | 'natural' | 'id' {
  if (typeof hint === 'string') {
    if (hint === '_id_') return 'id';
    const index = coll.indexes.get(hint);
    if (index) return index;
  } else {
    const keys = Object.keys(hint);
    if (keys.length === 1 && keys[0] === '$natural') return 'natural';
    if (keys.length === 1 && keys[0] === '_id') return 'id';
    for (const index of coll.indexes.values()) {
      const k = Object.entries(index.spec.key);
      const h = Object.entries(hint);
      if (k.length === h.length && k.every(([f, d], i) => h[i]?.[0] === f && Number(h[i]?.[1]) === d)) return index;
    }
  }
  throw new CommandError('BadValue', 'hint provided does not correspond to an existing index');
}

/** The `_id` record keys the filter pins down by equality or `$in`, in `_id` order, or undefined. */
function idKeys(conds: Map<string, FieldCondition>): string[] | undefined {
  const points = conds.get('_id')?.points;
  if (points === undefined) return undefined;
  return orderedPoints(points, 1).map(keyString);
}

/**
 * Chooses how to find the documents matching `filter` in `coll` (undefined:
 * no such collection), preferring `_id` lookups, then the index that pins the
 * most leading fields, then an index walk that yields `sort`'s order.
 */
export function planQuery(coll: Collection | undefined, filter: Document | undefined, sort?: Document, hint?: Document | string, limit?: number): Plan {
  if (coll === undefined) return { stage: 'EOF' };
  const conds = fieldConditions(filter);
  const sortSpec = sortFields(sort);
  const hinted = hint === undefined || (typeof hint === 'object' && Object.keys(hint).length === 0) ? undefined : findHinted(coll, hint);
  if (hinted === 'natural') {
    const dir = typeof hint === 'object' ? Number((hint as Document).$natural) : 1;
    return { stage: 'COLLSCAN', reverse: dir < 0 };
  }
  if (hinted === undefined || hinted === 'id') {
    const ids = idKeys(conds);
    if (ids !== undefined) return { stage: 'IDHACK', keys: ids };
  }
  const chosen = hinted === 'id' ? coll.idIndex() : hinted;
  let best: Candidate | undefined;
  if (chosen !== undefined) {
    best = indexIntervals(chosen, conds) ?? { index: chosen, intervals: fullScan(), score: 0, fixedPrefix: 0 };
  } else {
    const wantsIdOrder = conds.get('_id') !== undefined || sortSpec[0]?.path === '_id';
    const indexes = wantsIdOrder ? [coll.idIndex(), ...coll.indexes.values()] : coll.indexes.values();
    for (const index of indexes) {
      if (index.partial) continue;
      const candidate = indexIntervals(index, conds);
      if (candidate !== undefined && (best === undefined || candidate.score > best.score)) best = candidate;
    }
  }
  if (best !== undefined && chosen === undefined) {
    const terms = termPlan(coll, best, conds, sortSpec, limit);
    if (terms !== undefined) return terms;
  }
  if (best !== undefined) {
    const { index, intervals, fixedPrefix, points } = best;
    let way = sortDirection(index, sortSpec, 0);
    if (way === 0 && intervals.length === 1 && fixedPrefix > 0) way = sortDirection(index, sortSpec, fixedPrefix);
    const plan: Plan = {
      stage: 'IXSCAN',
      index,
      intervals: way < 0 ? [...intervals].reverse() : intervals,
      reverse: way < 0,
      providesSort: way !== 0,
    };
    if (points !== undefined) plan.points = way < 0 ? [...points].reverse() : points;
    return chosen === undefined ? withPostingCheck(coll, plan, conds) : plan;
  }
  const sortable = sortSpec[0]?.path === '_id' ? [coll.idIndex(), ...coll.indexes.values()] : coll.indexes.values();
  for (const index of sortable) {
    const way = sortDirection(index, sortSpec, 0);
    if (way !== 0) return { stage: 'IXSCAN', index, intervals: fullScan(), reverse: way < 0, providesSort: true };
  }
  return planOr(coll, filter) ?? { stage: 'COLLSCAN', reverse: false };
}

/** Relative costs for choosing a term plan: one hash probe or index step, and one document fetched and decoded (about 0.1 µs and 20 µs). */
const STEP_COST = 1;
const FETCH_COST = 200;
const COMPARE_COST = 3;

type IndexScan = Extract<Plan, { stage: 'IXSCAN' }>;

/** A walk of an index that yields `sort`'s order, bounded by the conditions on its fields, or undefined when no index yields it. */
function sortWalk(coll: Collection, conds: Map<string, FieldCondition>, sortSpec: { path: string; direction: number }[]): IndexScan | undefined {
  if (sortSpec.length === 0) return undefined;
  const indexes = sortSpec[0]!.path === '_id' ? [coll.idIndex(), ...coll.indexes.values()] : [...coll.indexes.values()];
  for (const index of indexes) {
    if (index.partial) continue;
    const bounded = indexIntervals(index, conds);
    let way = sortDirection(index, sortSpec, 0);
    if (bounded !== undefined && way === 0 && bounded.intervals.length === 1 && bounded.fixedPrefix > 0) way = sortDirection(index, sortSpec, bounded.fixedPrefix);
    if (way === 0) continue;
    const intervals = bounded?.intervals ?? fullScan();
    return { stage: 'IXSCAN', index, intervals: way < 0 ? [...intervals].reverse() : intervals, reverse: way < 0, providesSort: true };
  }
  return undefined;
}

/**
 * `plan` fetching only records that another single-field index lists under
 * every value the filter requires of its field (the search terms of a
 * search scoped by organization), checked by hash; `plan` itself when no
 * other index has such values. The index with the rarest value is used.
 */
function withPostingCheck(coll: Collection, plan: IndexScan, conds: Map<string, FieldCondition>): IndexScan {
  let check: { index: SecondaryIndex; values: unknown[]; tuples: unknown[][]; rarest: number } | undefined;
  for (const index of coll.indexes.values()) {
    if (index === plan.index || index.fields.length !== 1 || index.partial) continue;
    const values = conds.get(index.fields[0]!.path)?.required;
    if (values === undefined || values.length === 0) continue;
    const tuples = [...new Map(values.map((v) => [keyString(v), [v]])).values()];
    const rarest = Math.min(...tuples.map((t) => index.countWith(t)));
    if (check === undefined || rarest < check.rarest) check = { index, values, tuples, rarest };
  }
  if (check === undefined) return plan;
  const { index, values, tuples } = check;
  return { ...plan, accept: (id) => tuples.every((t) => index.holds(t, id)), holds: { index, values } };
}

/** How many of `ids` pass `accept`. */
function countAccepted(ids: readonly string[], accept: (id: string) => boolean): number {
  let n = 0;
  for (const id of ids) if (accept(id)) n++;
  return n;
}

/**
 * When the chosen index has one field that must hold several values (the
 * n-grams of a text search) or a sort another index yields: the plan that
 * reads the rarest value's entries and fetches only records whose other
 * values are in the index too, or, when matches are dense enough that the
 * first `limit` come soon, a walk of the sort index fetching only records
 * holding every value. Undefined when neither applies.
 */
function termPlan(
  coll: Collection,
  best: Candidate,
  conds: Map<string, FieldCondition>,
  sortSpec: { path: string; direction: number }[],
  limit: number | undefined,
): Plan | undefined {
  const { index } = best;
  if (index.fields.length !== 1 || index.partial || best.points?.length !== 1) return undefined;
  const required = conds.get(index.fields[0]!.path)?.required;
  if (required === undefined || required.length === 0) return undefined;
  const distinct = new Map(required.map((v) => [keyString(v), [v]]));
  const terms = [...distinct.values()].map((tuple) => ({ tuple, size: index.countWith(tuple) })).sort((a, b) => a.size - b.size);
  const rarest = terms[0]!;
  const others = terms.slice(1);
  const holdsOthers = (id: string): boolean => others.every((t) => index.holds(t.tuple, id));
  const walk = rarest.size === 0 ? undefined : sortWalk(coll, conds, sortSpec);
  if (walk !== undefined) {
    const matches = others.length === 0 ? rarest.size : countAccepted(index.idsWith(rarest.tuple), holdsOthers);
    const need = limit ?? Infinity;
    const entries = coll.store.size;
    const walked = matches === 0 ? entries : Math.min(entries, (need * entries) / matches);
    // The walk probes the rarest value first, so most entries cost one probe.
    const walkCost = walked * 2 * STEP_COST + Math.min(matches, need) * (FETCH_COST + others.length * STEP_COST);
    const pointCost = rarest.size * (1 + others.length) * STEP_COST + matches * FETCH_COST + matches * Math.log2(Math.min(matches, need) + 2) * COMPARE_COST;
    if (walkCost < pointCost) return { ...walk, accept: (id) => terms.every((t) => index.holds(t.tuple, id)), holds: { index, values: required } };
  }
  if (others.length === 0) return undefined;
  return {
    stage: 'IXSCAN',
    index,
    intervals: [[{ v: rarest.tuple, id: '', b: -1 }, { v: rarest.tuple, id: '', b: 1 }]],
    reverse: false,
    providesSort: false,
    points: [rarest.tuple],
    accept: holdsOthers,
    holds: { index, values: required },
  };
}

/** An OR plan when the filter's top-level `$or` has branches that each reach their documents without a scan. */
function planOr(coll: Collection, filter: Document | undefined): Plan | undefined {
  const branches = filter?.$or;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const plans: Plan[] = [];
  for (const branch of branches) {
    if (typeof branch !== 'object' || branch === null) return undefined;
    const plan = planQuery(coll, branch as Document);
    if (plan.stage === 'COLLSCAN' || (plan.stage === 'IXSCAN' && plan.intervals.length === 1 && plan.intervals[0]![0].v.length === 0)) return undefined;
    plans.push(plan);
  }
  return { stage: 'OR', branches: plans };
}
