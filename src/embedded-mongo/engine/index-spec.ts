import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { IndexSpec } from './types.js';
import { errorWithCode } from './write-errors.js';

/** One field of an index key pattern: its dotted path and direction. */
export interface KeyField {
  path: string;
  direction: 1 | -1;
}

/** The `_id_` index as listIndexes reports it. */
export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** Options whose difference makes two specs on the same key pattern conflict. */
const COMPARED_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds'] as const;

/** mongod's default index name: `field_direction` pairs joined by `_`, e.g. `a_1_b_-1`. */
export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');
}

/** The ordered key fields of a key pattern; throws CommandError for patterns this server cannot index (only ascending/descending fields are supported). */
export function keyFields(key: unknown): KeyField[] {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) {
    throw new CommandError('TypeMismatch', "The field 'key' must be an object");
  }
  const entries = Object.entries(key as Document);
  if (entries.length === 0) throw new CommandError('BadValue', 'Index keys cannot be an empty object.');
  if (entries.length > 32) throw new CommandError('BadValue', 'Index key pattern has more than 32 fields');
  return entries.map(([path, dir]) => {
    if (path.length === 0 || path.startsWith('$') || path.split('.').some((p) => p.length === 0)) {
      throw new CommandError('BadValue', `Index key contains an illegal field name: '${path}'`);
    }
    const n = Number(typeof dir === 'object' && dir !== null ? dir.valueOf() : dir);
    if (typeof dir === 'string') {
      const known = ['text', '2d', '2dsphere', 'hashed', 'geoHaystack', 'wildcard'].includes(dir);
      throw errorWithCode(67, 'CannotCreateIndex', known ? `index type '${dir}' is not supported by this server` : `Unknown index plugin '${dir}'`);
    }
    if (!Number.isFinite(n) || n === 0) {
      throw new CommandError('BadValue', `Values in the index key pattern can't be 0 or non-numeric: ${path}`);
    }
    return { path, direction: n < 0 ? -1 : 1 };
  });
}

/** Validates a createIndexes spec and returns it normalised (`v: 2`, key with ±1 directions, default name, false flags dropped). */
export function normalizeIndexSpec(raw: IndexSpec): IndexSpec {
  if (raw === null || typeof raw !== 'object') throw new CommandError('TypeMismatch', 'Index spec must be an object');
  const fields = keyFields(raw.key);
  const key: Document = {};
  for (const f of fields) key[f.path] = f.direction;
  const isIdKey = fields.length === 1 && fields[0]?.path === '_id' && fields[0].direction === 1;
  // mongod names `{_id: 1}` `_id_` (not `_id_1`), so that asking for it again is a no-op.
  const name = raw.name ?? (isIdKey ? '_id_' : defaultIndexName(raw.key));
  if (typeof name !== 'string' || name.length === 0) {
    throw new CommandError('BadValue', 'The index name cannot be empty');
  }
  const spec: IndexSpec = { ...raw, v: 2, key, name };
  for (const flag of ['unique', 'sparse'] as const) {
    if (spec[flag] === false || spec[flag] === undefined) delete spec[flag];
    else spec[flag] = true;
  }
  if (spec.partialFilterExpression !== undefined) {
    if (spec.partialFilterExpression === null || typeof spec.partialFilterExpression !== 'object') {
      throw new CommandError('TypeMismatch', 'partialFilterExpression must be an object');
    }
  }
  if (isIdKey && (spec.unique !== undefined || spec.sparse !== undefined) && name === '_id_') {
    throw new CommandError('BadValue', "The field 'unique' is not valid for an _id index specification.");
  }
  return spec;
}

/** True when two normalised specs have the same key pattern (fields, order and directions). */
export function sameKey(a: IndexSpec, b: IndexSpec): boolean {
  const ea = Object.entries(a.key);
  const eb = Object.entries(b.key);
  return ea.length === eb.length && ea.every(([f, d], i) => eb[i]?.[0] === f && eb[i]?.[1] === d);
}

/** True when two normalised specs on the same key agree on every option that changes index behaviour. */
export function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return COMPARED_OPTIONS.every((opt) => JSON.stringify(a[opt] ?? null) === JSON.stringify(b[opt] ?? null));
}
