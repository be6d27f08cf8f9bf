/**
 * The document an upsert starts from, as mongod seeds it from the query's
 * equality conditions.
 */
import type { Document } from 'bson';
import { isPlainObject, typeName } from './bson-types.js';
import { cloneDocument } from './clone.js';

function setSeedPath(seed: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Record<string, unknown> = seed;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = at[parts[i]!];
    if (!isPlainObject(next)) at[parts[i]!] = {};
    at = at[parts[i]!] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = cloneDocument(value);
}

function isRegex(v: unknown): boolean {
  return v instanceof RegExp || typeName(v) === 'regex';
}

function collectSeed(query: Document, seed: Document): void {
  for (const [k, v] of Object.entries(query)) {
    // mongod simplifies a one-clause $or and a one-value $in to equality before seeding.
    if ((k === '$and' || (k === '$or' && Array.isArray(v) && v.length === 1)) && Array.isArray(v)) {
      for (const clause of v) if (isPlainObject(clause)) collectSeed(clause, seed);
      continue;
    }
    if (k.startsWith('$')) continue;
    if (isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v)[0]!.startsWith('$')) {
      if ('$eq' in v) setSeedPath(seed, k, v.$eq);
      else if (Array.isArray(v.$in) && v.$in.length === 1 && !isRegex(v.$in[0])) setSeedPath(seed, k, v.$in[0]);
      continue;
    }
    if (isRegex(v)) continue;
    setSeedPath(seed, k, v);
  }
}

/** The document an upsert starts from: the equality conditions of the query (`field: value`, `$eq`, `$and` of those). */
export function upsertSeed(query: Document): Document {
  const seed: Document = {};
  collectSeed(query ?? {}, seed);
  return seed;
}
