/**
 * Sort specifications as mongod applies them: each path yields a sort key
 * (arrays give their smallest element ascending, their largest descending,
 * an empty array sorts before null, a missing field is null).
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { compareValues } from './compare.js';
import { isNumeric, toDouble } from './numbers.js';
import { pathValuesRaw } from './paths.js';

const EMPTY_ARRAY = Symbol('empty array');

interface SortField {
  path: string;
  parts: string[];
  simple: boolean;
  direction: 1 | -1;
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) {
    if (a === b) return 0;
    if (a === EMPTY_ARRAY) return typeRankIsMinKey(b) ? 1 : -1;
    return typeRankIsMinKey(a) ? -1 : 1;
  }
  return compareValues(a, b);
}

function typeRankIsMinKey(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { _bsontype?: unknown })._bsontype === 'MinKey';
}

function sortKey(doc: Document, field: SortField): unknown {
  if (field.simple) {
    const v = doc[field.path];
    if (!Array.isArray(v)) return v === undefined ? null : v;
  }
  const values = pathValuesRaw(doc, field.parts, EMPTY_ARRAY);
  if (values.length === 0) return null;
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareKeys(values[i], best);
    if (field.direction === 1 ? c < 0 : c > 0) best = values[i];
  }
  return best;
}

/** Validates a sort spec and returns its fields in order; throws BadValue for a bad direction or empty path. */
export function parseSortSpec(sort: Document): SortField[] {
  if (typeof sort !== 'object' || sort === null || Array.isArray(sort)) {
    throw new CommandError('BadValue', 'sort must be an object');
  }
  const fields: SortField[] = [];
  for (const [path, dir] of Object.entries(sort)) {
    if (path === '' || path.split('.').some((p) => p === '')) {
      throw new CommandError('BadValue', `bad sort specification: empty path component in '${path}'`);
    }
    if (path.startsWith('$')) {
      throw new CommandError('BadValue', `bad sort specification: field name '${path}' cannot start with '$'`);
    }
    let direction: 1 | -1;
    if (isNumeric(dir) && (toDouble(dir) === 1 || toDouble(dir) === -1)) {
      direction = toDouble(dir) as 1 | -1;
    } else if (typeof dir === 'object' && dir !== null && '$meta' in dir) {
      throw new CommandError('BadValue', `$meta sort by '${String((dir as Document).$meta)}' is not supported`);
    } else {
      throw new CommandError('BadValue', '$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    }
    fields.push({ path, parts: path.split('.'), simple: !path.includes('.'), direction });
  }
  return fields;
}

/**
 * A comparator for a sort spec `{a: 1, 'b.c': -1}` using compareValues on
 * the values at each path (arrays: min element ascending, max descending).
 * Throws BadValue for a bad spec.
 */
export function compileSort(sort: Document): (a: Document, b: Document) => number {
  const fields = parseSortSpec(sort);
  if (fields.length === 0) return () => 0;
  return (a, b) => {
    for (const field of fields) {
      const c = compareKeys(sortKey(a, field), sortKey(b, field));
      if (c !== 0) return field.direction === 1 ? c : -c;
    }
    return 0;
  };
}
