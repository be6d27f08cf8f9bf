/**
 * Counting matches without decoding whole documents: a count needs only
 * whether each candidate matches, so the conditions the plan's index
 * postings already prove (equalities on the indexed terms of a multikey
 * field) are not checked again, and the rest are checked on just the
 * fields they read. When nothing is left to check, no record is read.
 */
import type { Document } from 'bson';
import { compileFilter, filterFields } from '../query/index.js';
import { isPlainObject } from '../query/bson-types.js';
import { fieldPicker } from './bson-fields.js';
import { planKeys } from './candidates.js';
import { type Collection, DESERIALIZE } from './collection.js';
import { type Plan, planQuery } from './planner.js';
import type { ExamineCounters } from './stats-counters.js';

/** The string values every record reached by `plan` has an entry of, with their top-level field, or undefined. */
function provenEqualities(plan: Plan): { path: string; values: Set<string> } | undefined {
  if (plan.stage !== 'IXSCAN') return undefined;
  const index = plan.holds?.index ?? plan.index;
  if (index.fields.length !== 1 || index.partial) return undefined;
  const path = index.fields[0]!.path;
  // On a top-level field an entry equal to a string exists exactly when the field equals it or is an array holding it.
  if (path.includes('.') || path.startsWith('$')) return undefined;
  const values = plan.holds?.values ?? (plan.points?.length === 1 ? [plan.points[0]![0]] : []);
  const strings = values.filter((v): v is string => typeof v === 'string');
  return strings.length === 0 ? undefined : { path, values: new Set(strings) };
}

/** The filter's conjuncts: its top-level conditions and those of nested `$and`s, one condition each. */
function conjuncts(filter: Document): Document[] {
  const out: Document[] = [];
  const visit = (f: Document): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) for (const sub of value) visit(sub);
      else out.push({ [key]: value });
    }
  };
  visit(filter);
  return out;
}

/**
 * One `true` per record matching `filter` in `coll`, lazily (the record
 * keys are read as a find reads them, so writes between two pulls are
 * tolerated as for a cursor). Throws on an invalid filter before the first
 * item, as a find does.
 */
export function* matchesToCount(coll: Collection | undefined, filter: Document, counters: ExamineCounters[]): Generator<true> {
  compileFilter(filter);
  if (coll === undefined) return;
  const plan = planQuery(coll, filter);
  const proven = provenEqualities(plan);
  const rest = conjuncts(filter).filter((c) => {
    if (proven === undefined) return true;
    const value: unknown = c[proven.path];
    return !(Object.keys(c).length === 1 && typeof value === 'string' && proven.values.has(value));
  });
  const store = coll.store;
  if (rest.length === 0) {
    for (const key of planKeys(coll, plan, counters)) if (store.getBytes(key) !== undefined) yield true;
    return;
  }
  const residual = rest.length === 1 ? rest[0]! : { $and: rest };
  const test = compileFilter(residual);
  const fields = filterFields(residual);
  const pick = fields === undefined ? undefined : fieldPicker(fields, DESERIALIZE);
  for (const key of planKeys(coll, plan, counters)) {
    const bytes = store.getBytes(key);
    if (bytes === undefined) continue;
    for (const c of counters) c.docsExamined++;
    if (test(pick === undefined ? store.get(key)! : pick(bytes))) yield true;
  }
}
