/**
 * Where array updates apply: the positional `$` (the first element the
 * query matched) and the `$[<id>]` identifiers of arrayFilters.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { compileFilter } from './filter.js';
import { isTraversable } from './paths.js';

const DIGITS = /^\d+$/;
const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

/** The compiled arrayFilters by identifier, with whether the update used each. */
export type ArrayFilterTests = Map<string, { test: (e: unknown) => boolean; used: boolean }>;

/** Compiles `arrayFilters` (one identifier per filter, lowercase-initial alphanumeric); throws as mongod for bad ones. */
export function compileArrayFilters(filters: Document[] | undefined): ArrayFilterTests {
  const out: ArrayFilterTests = new Map();
  for (const f of filters ?? []) {
    if (!isPlainObject(f)) throw new CommandError('FailedToParse', 'arrayFilters entries must be objects');
    const keys = Object.keys(f);
    if (keys.length === 0) throw new CommandError('FailedToParse', 'Cannot use an expression without a top-level field name in arrayFilters');
    const ids = new Set(keys.map((k) => k.split('.')[0]!));
    if (ids.size !== 1) throw new CommandError('FailedToParse', `Error parsing array filter :: caused by :: Expected a single top-level field name, found '${[...ids][0]}' and '${[...ids][1]}'`);
    const id = [...ids][0]!;
    if (!IDENTIFIER.test(id)) {
      throw new CommandError('BadValue', `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`);
    }
    if (out.has(id)) throw new CommandError('FailedToParse', `Found multiple array filters with the same top-level field name ${id}`);
    const test = compileFilter(f);
    out.set(id, { test: (e) => test({ [id]: e }), used: false });
  }
  return out;
}

function conditionsOn(query: Document, arrayPath: string, out: Document[]): void {
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const clause of v) if (isPlainObject(clause)) conditionsOn(clause, arrayPath, out);
    } else if (k === arrayPath || k.startsWith(arrayPath + '.')) {
      out.push({ [k]: v });
    }
  }
}

function positionalNotFound(): CommandError {
  return new CommandError('BadValue', 'The positional operator did not find the match needed from the query.');
}

/** Replaces the positional `$` in `parts` with the index of the first array element the query matched. */
export function resolvePositional(doc: Document, parts: string[], query: Document | undefined): string[] {
  const at = parts.indexOf('$');
  if (at < 0) return parts;
  if (parts.indexOf('$', at + 1) >= 0) throw new CommandError('BadValue', "Too many positional (i.e. '$') elements found in path");
  if (!query) throw positionalNotFound();
  let arr: unknown = doc;
  for (const p of parts.slice(0, at)) arr = isTraversable(arr) ? arr[p] : Array.isArray(arr) && DIGITS.test(p) ? arr[Number(p)] : undefined;
  if (!Array.isArray(arr)) throw positionalNotFound();
  const arrayPath = parts.slice(0, at).join('.');
  const conditions: Document[] = [];
  conditionsOn(query, arrayPath, conditions);
  if (conditions.length === 0) throw positionalNotFound();
  const test = compileFilter({ $and: conditions });
  for (let i = 0; i < arr.length; i++) {
    let probe: unknown = [arr[i]];
    for (let j = at - 1; j >= 0; j--) probe = { [parts[j]!]: probe };
    if (test(probe as Document)) return [...parts.slice(0, at), String(i), ...parts.slice(at + 1)];
  }
  throw positionalNotFound();
}

