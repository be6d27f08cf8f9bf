/**
 * The stages that reshape fields: $project (find-projection rules plus
 * expressions), $unset, and $addFields/$set with mongod's array and
 * embedded-document semantics. None of them writes into its input.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Iterator as LazyIterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { buildProjection } from './projection.js';

type Any = unknown;
type AnyObject = Record<string, unknown>;
type Stage = (coll: LazyIterator, expr: Any, options: Options) => LazyIterator;

export const $project: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', '$project specification must be an object');
  const project = buildProjection(expr as Document, { mode: 'aggregate', options });
  return coll.map((doc: Document) => project(doc));
};

/** `$unset` as an exclusion projection that copies (mingo's deletes nested fields from its input). */
export const $unset: Stage = (coll, expr, options) => {
  const fields = typeof expr === 'string' ? [expr] : expr;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string')) {
    throw new CommandError('BadValue', '$unset specification must be a string or an array of strings');
  }
  const project = buildProjection(Object.fromEntries(fields.map((f) => [f, 0])), { mode: 'aggregate', options });
  return coll.map((doc: Document) => project(doc));
};

/** `$addFields` specs: nested literal documents are field specs merged into embedded documents. */
function addFieldEntries(spec: AnyObject, prefix: string[], out: [string[], Any][]): void {
  for (const [k, v] of Object.entries(spec)) {
    if (k.startsWith('$')) throw new CommandError('BadValue', `FieldPath field names may not start with '$': '${k}'`);
    const parts = [...prefix, ...k.split('.')];
    if (parts.some((p) => p === '')) throw new CommandError('BadValue', `FieldPath field names may not be empty strings: '${k}'`);
    if (isPlainObject(v) && Object.keys(v).length > 0 && !Object.keys(v).some((key) => key.startsWith('$'))) addFieldEntries(v, parts, out);
    else out.push([parts, v]);
  }
}

/** Sets (or, for undefined, removes) a field, copying the documents on the way and applying to each document of an array. */
export function setField(container: AnyObject, parts: string[], i: number, value: Any): void {
  const key = parts[i]!;
  if (i === parts.length - 1) {
    if (value === undefined) delete container[key];
    else container[key] = value;
    return;
  }
  const child = container[key];
  if (Array.isArray(child)) {
    container[key] = child.map((e) => {
      if (!isPlainObject(e)) return e;
      const copy = { ...e };
      setField(copy, parts, i + 1, value);
      return copy;
    });
    return;
  }
  if (value === undefined && !isPlainObject(child)) return;
  const copy: AnyObject = isPlainObject(child) ? { ...child } : {};
  container[key] = copy;
  setField(copy, parts, i + 1, value);
}

export const $addFields: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', '$addFields specification must be an object');
  const entries: [string[], Any][] = [];
  addFieldEntries(expr, [], entries);
  return coll.map((doc: AnyObject) => {
    const values = entries.map(([, e]) => evalExpr(doc, e, options));
    const out = { ...doc };
    entries.forEach(([parts], i) => setField(out, parts, 0, values[i]));
    return out;
  });
};

