/**
 * Find projections as mongod applies them: inclusion or exclusion of dotted
 * paths (arrays of documents are projected element by element), `_id`
 * included unless excluded, `$slice`, `$elemMatch`, the positional `a.$`
 * (given the query), and computed fields evaluated as aggregation
 * expressions. Fields keep the document's order.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { compileFilter } from './filter.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { isNumeric, toDouble } from './numbers.js';
import { refuseScripts } from './scripts.js';

type Tree = Map<string, Tree | true>;

interface Slice {
  parts: string[];
  skip: number;
  limit: number | null;
}

interface Spec {
  inclusion: boolean;
  excludeId: boolean;
  tree: Tree;
  slices: Slice[];
  elemMatches: Map<string, (e: unknown) => boolean>;
  positional: string | null;
  computed: [string[], unknown][];
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v)[0]!.startsWith('$');
}

/** Flattens nested non-operator sub-documents (`{a: {b: 1}}`) into dotted paths. */
function flatten(projection: Document, prefix: string, out: [string, unknown][]): void {
  for (const [k, v] of Object.entries(projection)) {
    const path = prefix + k;
    if (isPlainObject(v) && !isOperatorObject(v)) {
      if (Object.keys(v).length === 0) throw new CommandError('BadValue', `An empty sub-projection is not a valid value. Found empty object at path ${path}`);
      flatten(v, path + '.', out);
    } else {
      out.push([path, v]);
    }
  }
}

function addPath(tree: Tree, parts: string[], path: string): void {
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const existing = node.get(part);
    if (existing === true || (existing !== undefined && i === parts.length - 1)) {
      throw new CommandError('BadValue', `Path collision at ${path}`);
    }
    if (i === parts.length - 1) {
      node.set(part, true);
    } else {
      const next: Tree = existing ?? new Map();
      node.set(part, next);
      node = next;
    }
  }
}

function parseSlice(operand: unknown, path: string): Omit<Slice, 'parts'> {
  if (isNumeric(operand)) {
    const n = Math.trunc(toDouble(operand));
    return n >= 0 ? { skip: 0, limit: n } : { skip: n, limit: null };
  }
  if (Array.isArray(operand) && operand.length === 2 && isNumeric(operand[0]) && isNumeric(operand[1])) {
    const limit = Math.trunc(toDouble(operand[1]));
    if (limit <= 0) throw new CommandError('BadValue', `Invalid $slice syntax: the limit must be positive, at ${path}`);
    return { skip: Math.trunc(toDouble(operand[0])), limit };
  }
  throw new CommandError('BadValue', `$slice only supports numbers and [skip, limit] arrays, at ${path}`);
}

function parse(projection: Document, mode: 'find' | 'aggregate'): Spec {
  const entries: [string, unknown][] = [];
  flatten(projection, '', entries);
  const spec: Spec = { inclusion: false, excludeId: false, tree: new Map(), slices: [], elemMatches: new Map(), positional: null, computed: [] };
  let sawInclude = false;
  let sawExclude = false;
  const includes: string[] = [];
  const excludes: string[] = [];
  let idIncluded = false;
  for (const [path, value] of entries) {
    if (path.split('.').some((p) => p === '')) throw new CommandError('BadValue', `FieldPath field names may not be empty strings: '${path}'`);
    if (path.startsWith('$')) throw new CommandError('BadValue', `FieldPath field names may not start with '$': '${path}'`);
    if (isOperatorObject(value)) {
      const ops = Object.keys(value);
      if (mode === 'aggregate') {
        refuseScripts(value);
        spec.computed.push([path.split('.'), value]);
        sawInclude = true;
        continue;
      }
      if (ops[0] === '$slice' && ops.length === 1) {
        spec.slices.push({ parts: path.split('.'), ...parseSlice(value.$slice, path) });
        continue;
      }
      if (ops[0] === '$elemMatch' && ops.length === 1) {
        if (path.includes('.')) throw new CommandError('BadValue', 'Cannot use $elemMatch projection on a nested field.');
        if (!isPlainObject(value.$elemMatch)) throw new CommandError('BadValue', 'elemMatch: Invalid argument, object required.');
        const test = compileFilter({ [path]: { $elemMatch: value.$elemMatch } });
        spec.elemMatches.set(path, (e) => test({ [path]: [e] }));
        sawInclude = true;
        continue;
      }
      if (ops[0] === '$meta') throw new CommandError('BadValue', `$meta projection of '${String(value.$meta)}' is not supported`);
      refuseScripts(value);
      spec.computed.push([path.split('.'), value]);
      sawInclude = true;
      continue;
    }
    const isExclude = value === false || (isNumeric(value) && toDouble(value) === 0);
    const isInclude = value === true || (isNumeric(value) && !isExclude);
    if (path === '_id' && (isExclude || isInclude)) {
      spec.excludeId = isExclude;
      idIncluded = isInclude;
      continue;
    }
    if (path.endsWith('.$') && mode === 'find') {
      if (!isInclude) throw new CommandError('BadValue', 'positional projection cannot be used with exclusion');
      if (spec.positional !== null) throw new CommandError('BadValue', 'Cannot specify more than one positional projection per query.');
      spec.positional = path.slice(0, -2);
      if (spec.positional.includes('$')) throw new CommandError('BadValue', 'Cannot specify more than one positional projection per query.');
      includes.push(spec.positional);
      sawInclude = true;
      continue;
    }
    if (isExclude) {
      if (sawInclude) throw new CommandError('Location31254', `Cannot do exclusion on field ${path} in inclusion projection`);
      sawExclude = true;
      excludes.push(path);
    } else if (isInclude) {
      if (sawExclude) throw new CommandError('Location31254', `Cannot do inclusion on field ${path} in exclusion projection`);
      sawInclude = true;
      includes.push(path);
    } else {
      // A literal or a field path string: a computed field.
      spec.computed.push([path.split('.'), value]);
      sawInclude = true;
    }
  }
  if (sawInclude && sawExclude) throw new CommandError('Location31254', 'Cannot do exclusion in inclusion projection');
  // `{_id: 1}` alone is an inclusion projection of just `_id`.
  spec.inclusion = sawInclude || (idIncluded && !sawExclude && spec.slices.length === 0);
  for (const p of spec.inclusion ? includes : excludes) addPath(spec.tree, p.split('.'), p);
  for (const s of spec.slices) if (spec.inclusion && !spec.tree.has(s.parts[0]!)) addPath(spec.tree, s.parts, s.parts.join('.'));
  for (const name of spec.elemMatches.keys()) addPath(spec.tree, [name], name);
  for (const [parts] of spec.computed) {
    if (spec.tree.has(parts[0]!) && parts.length === 1) throw new CommandError('BadValue', `Path collision at ${parts.join('.')}`);
  }
  return spec;
}

function includeArray(arr: unknown[], tree: Tree): unknown[] {
  const out: unknown[] = [];
  for (const e of arr) {
    if (Array.isArray(e)) out.push(includeArray(e, tree));
    else if (isPlainObject(e)) out.push(include(e, tree));
  }
  return out;
}

function include(doc: Record<string, unknown>, tree: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const sub = tree.get(key);
    if (sub === undefined) continue;
    const v = doc[key];
    if (sub === true) out[key] = v;
    else if (isPlainObject(v)) out[key] = include(v, sub);
    else if (Array.isArray(v)) out[key] = includeArray(v, sub);
  }
  return out;
}

function excludeArray(arr: unknown[], tree: Tree): unknown[] {
  return arr.map((e) => (Array.isArray(e) ? excludeArray(e, tree) : isPlainObject(e) ? exclude(e, tree) : e));
}

function exclude(doc: Record<string, unknown>, tree: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const sub = tree.get(key);
    const v = doc[key];
    if (sub === true) continue;
    if (sub === undefined) out[key] = v;
    else if (isPlainObject(v)) out[key] = exclude(v, sub);
    else if (Array.isArray(v)) out[key] = excludeArray(v, sub);
    else out[key] = v;
  }
  return out;
}

function sliceArray(arr: unknown[], s: Slice): unknown[] {
  if (s.limit === null) return arr.slice(Math.max(0, arr.length + s.skip));
  const start = s.skip >= 0 ? Math.min(s.skip, arr.length) : Math.max(0, arr.length + s.skip);
  return arr.slice(start, start + s.limit);
}

/** Applies a $slice at `parts` inside a (freshly built) projected value, descending through arrays of documents. */
function applySlice(value: unknown, parts: string[], i: number, s: Slice): unknown {
  if (i === parts.length) return Array.isArray(value) ? sliceArray(value, s) : value;
  if (Array.isArray(value)) return value.map((e) => (isPlainObject(e) ? applySlice(e, parts, i, s) : e));
  if (!isPlainObject(value) || !(parts[i]! in value)) return value;
  return { ...value, [parts[i]!]: applySlice(value[parts[i]!], parts, i + 1, s) };
}

function setComputed(out: Record<string, unknown>, parts: string[], value: unknown): void {
  let at = out;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = at[parts[i]!];
    // Copy on the way down: sub-documents of `out` may still be the input's.
    at[parts[i]!] = isPlainObject(next) ? { ...next } : {};
    at = at[parts[i]!] as Record<string, unknown>;
  }
  if (value === undefined) delete at[parts[parts.length - 1]!];
  else at[parts[parts.length - 1]!] = value;
}

function positionalIndex(doc: Document, path: string, query: Document | undefined): number {
  const notFound = () => new CommandError('BadValue', "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
  if (!query) throw notFound();
  const parts = path.split('.');
  let arr: unknown = doc;
  for (const p of parts) arr = isPlainObject(arr) ? arr[p] : undefined;
  if (!Array.isArray(arr)) throw notFound();
  const conditions = Object.entries(query).filter(([k]) => k === path || k.startsWith(path + '.'));
  if (conditions.length === 0) throw notFound();
  const test = compileFilter(Object.fromEntries(conditions));
  for (let i = 0; i < arr.length; i++) {
    let probe: unknown = [arr[i]];
    for (let j = parts.length - 1; j >= 0; j--) probe = { [parts[j]!]: probe };
    if (test(probe as Document)) return i;
  }
  throw notFound();
}

interface ProjectionSetup {
  mode: 'find' | 'aggregate';
  /** The find's query, for the positional `a.$`. */
  query?: Document;
  /** Options (variables) for computed fields; this server's defaults when absent. */
  options?: Options;
}

/** Builds a projection function for a find projection or an aggregation `$project` stage. */
export function buildProjection(projection: Document, setup: ProjectionSetup): (doc: Document) => Document {
  if (!isPlainObject(projection)) throw new CommandError('BadValue', 'projection must be an object');
  if (Object.keys(projection).length === 0) {
    if (setup.mode === 'aggregate') throw new CommandError('BadValue', '$project requires at least one output field');
    return (doc) => doc;
  }
  const spec = parse(projection, setup.mode);
  const { query } = setup;
  const options = spec.computed.length > 0 ? (setup.options ?? mingoOptions()) : null;
  return (doc) => {
    let out: Record<string, unknown>;
    if (spec.inclusion) {
      out = include(doc, spec.tree);
      for (const [name, test] of spec.elemMatches) {
        const v = doc[name];
        const hit = Array.isArray(v) ? v.find(test) : undefined;
        if (hit === undefined) delete out[name];
        else out[name] = [hit];
      }
      if (spec.positional !== null) {
        const i = positionalIndex(doc, spec.positional, query);
        const parts = spec.positional.split('.');
        let arr: unknown = doc;
        for (const p of parts) arr = (arr as Record<string, unknown>)[p];
        setComputed(out, parts, [(arr as unknown[])[i]]);
      }
      if (!spec.excludeId && doc._id !== undefined && !('_id' in out)) out = { _id: doc._id, ...out };
    } else {
      out = exclude(doc, spec.tree);
    }
    if (spec.excludeId) delete out._id;
    for (const s of spec.slices) out = applySlice(out, s.parts, 0, s) as Record<string, unknown>;
    for (const [parts, expr] of spec.computed) {
      const value = underMingo(() => evalExpr(doc, expr, options!));
      setComputed(out, parts, value);
    }
    return out as Document;
  };
}

/**
 * Compiles an inclusion/exclusion projection with dotted paths, `_id`
 * rules, `$slice`, `$elemMatch`, positional `a.$` (resolved against
 * `query`) and computed fields; mixing inclusion and exclusion =>
 * Location31254.
 */
export function compileProjection(projection: Document, query?: Document): (doc: Document) => Document {
  if (!projection || Object.keys(projection).length === 0) return (doc) => doc;
  return buildProjection(projection, { mode: 'find', ...(query ? { query } : {}) });
}
