/**
 * Update documents: operator updates, replacements and pipeline updates,
 * applied to a copy of the stored document.
 */
import type { Document } from 'bson';
import { cloneDeep } from 'mingo/util';
import { update as mingoUpdate } from 'mingo/updater';
import { Aggregator } from 'mingo/aggregator';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { valuesEqual } from './compare.js';
import './aggregation-ops.js';
import { mingoOptions, underMingo } from './mingo-context.js';

/** True when `update` is a replacement document; mixed `$`-operators and fields => FailedToParse. */
export function isReplacement(update: Document | Document[]): boolean {
  if (Array.isArray(update)) return false;
  const keys = Object.keys(update);
  if (keys.length === 0) return true;
  const ops = keys.filter((k) => k.startsWith('$')).length;
  if (ops === 0) return true;
  if (ops !== keys.length) {
    throw new CommandError('FailedToParse', `Unknown modifier: ${keys.find((k) => !k.startsWith('$'))}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return false;
}

/**
 * Applies an update (operator document, replacement document, or pipeline)
 * to a copy of `doc`, never mutating it; `isInsert` applies $setOnInsert.
 */
export function applyUpdate(
  doc: Document,
  update: Document | Document[],
  options: { arrayFilters?: Document[]; isInsert?: boolean },
): { doc: Document; modified: boolean } {
  if (Array.isArray(update)) {
    const out = underMingo(() => new Aggregator(update, mingoOptions()).run([cloneDeep(doc) as Record<string, unknown>])[0]);
    const next = { ...(out as Document) };
    if (doc._id !== undefined && !valuesEqual(next._id, doc._id)) throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    return { doc: next, modified: !valuesEqual(next, doc) };
  }
  if (isReplacement(update)) {
    if (update._id !== undefined && doc._id !== undefined && !valuesEqual(update._id, doc._id)) {
      throw new CommandError('ImmutableField', "After applying the update, the (immutable) field '_id' was found to have been altered");
    }
    const next: Document = doc._id !== undefined ? { _id: doc._id, ...update } : { ...update };
    return { doc: next, modified: !valuesEqual(next, doc) };
  }
  const copy = cloneDeep(doc) as Document;
  const { $setOnInsert, ...rest } = update;
  const modifier = options.isInsert && isPlainObject($setOnInsert) ? { ...rest, $set: { ...(rest.$set as Document), ...$setOnInsert } } : rest;
  const changed = underMingo(() => mingoUpdate(copy, modifier, options.arrayFilters, undefined, { cloneMode: 'deep', queryOptions: mingoOptions() }));
  return { doc: copy, modified: changed.length > 0 };
}

/** The document an upsert starts from: the equality conditions of the query. */
export function upsertSeed(query: Document): Document {
  const seed: Document = {};
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const clause of v) Object.assign(seed, upsertSeed(clause as Document));
    } else if (!k.startsWith('$')) {
      if (isPlainObject(v) && Object.keys(v)[0]?.startsWith('$')) {
        if ('$eq' in v) seed[k] = v.$eq;
      } else {
        seed[k] = v;
      }
    }
  }
  return seed;
}
