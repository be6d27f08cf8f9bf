/**
 * Find projections: inclusion or exclusion of dotted paths with mongod's
 * `_id` rules, plus `$slice` and `$elemMatch`, evaluated by mingo's
 * `$project` in this server's operator context.
 */
import type { Document } from 'bson';
import { Lazy } from 'mingo/lazy';
import { $project } from 'mingo/operators/pipeline';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { isNumeric, toDouble } from './numbers.js';

/** 'include', 'exclude' or 'expression' for one projection value. */
function classify(value: unknown): 'include' | 'exclude' | 'expression' {
  if (typeof value === 'boolean') return value ? 'include' : 'exclude';
  if (isNumeric(value)) return toDouble(value) === 0 ? 'exclude' : 'include';
  return 'expression';
}

/** Throws Location31254/31253 when a projection mixes inclusion and exclusion (other than of `_id`). */
export function validateProjection(projection: Document): void {
  let include = false;
  let exclude = false;
  for (const [path, value] of Object.entries(projection)) {
    if (path.startsWith('$')) throw new CommandError('BadValue', `FieldPath field names may not start with '$': ${path}`);
    const kind = classify(value);
    if (kind === 'expression' && isPlainObject(value)) {
      const ops = Object.keys(value);
      if (ops.some((op) => op === '$where' || op === '$function' || op === '$accumulator')) {
        throw new CommandError('BadValue', `${ops[0]} is not allowed: this server does not run JavaScript`);
      }
      if (ops.length === 1 && (ops[0] === '$slice' || ops[0] === '$elemMatch')) continue;
    }
    if (path === '_id') continue;
    if (kind === 'exclude') {
      if (include) throw new CommandError('Location31254', `Cannot do exclusion on field ${path} in inclusion projection`);
      exclude = true;
    } else {
      if (exclude) throw new CommandError('Location31254', `Cannot do inclusion on field ${path} in exclusion projection`);
      include = true;
    }
  }
}

/**
 * Compiles an inclusion/exclusion projection with dotted paths, `_id` rules,
 * `$slice` and `$elemMatch`; mixing inclusion and exclusion => Location31254.
 */
export function compileProjection(projection: Document): (doc: Document) => Document {
  if (!projection || Object.keys(projection).length === 0) return (doc) => doc;
  validateProjection(projection);
  const options = mingoOptions();
  return (doc) => underMingo(() => $project(Lazy([doc]), projection, options).collect()[0] as Document);
}
