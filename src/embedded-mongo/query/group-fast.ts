/**
 * A folding evaluator for `$group` with the common accumulators (`$sum`,
 * `$avg`, `$min`, `$max`, `$first`, `$last`, `$count`, `$push`,
 * `$addToSet`). The general path builds each group's document list and then
 * evaluates every operand through mingo (about 10 µs a document); this one
 * reads each operand once per document and folds it into running state, so
 * a group over a whole collection costs little beyond reading the
 * documents, and the input can be fed in slices. Field paths (the usual
 * `_id` and operands) and constants are read directly; other expressions
 * are evaluated by mingo per document, as the general path does.
 *
 * It must answer exactly what the general `$group` (stream-stages.ts with
 * the accumulators of accumulator-ops.ts and mingo's $push/$first/$last/
 * $count) answers, so it reuses their reductions: values are read as
 * mingo's `$push` reads them (missing => null), sums and averages go
 * through sumNumbers/averageNumbers, groups come out in first-seen order.
 * Other accumulators make compileFastGroup return undefined, and a
 * document whose path crosses an array or a non-document value is
 * resolved by mingo itself.
 */
import type { Document } from 'bson';
import { Long } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { averageNumbers, sumNumbers } from './arithmetic.js';
import { isPlainObject } from './bson-types.js';
import { compareValues } from './compare.js';
import { keyString } from './key-string.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { isNumeric } from './numbers.js';

type Any = unknown;
type AnyObject = Record<string, unknown>;
type Getter = (doc: Document) => Any;

/** Drops fields that evaluated to missing, as mongod leaves them out of computed documents. */
export function withoutMissing(v: Any): Any {
  if (!isPlainObject(v)) return v;
  const out: AnyObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = withoutMissing(x);
  return out;
}

/** A compiled operand: a getter, plus the top-level field it reads (a field path) or whether it may read any (another expression). */
interface Operand {
  get: Getter;
  field?: string;
  constant?: Any;
  opaque?: boolean;
}

function isConstant(v: Any): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$'));
}

/**
 * `'$a.b'` read by hand while every step is a plain document; any other
 * step (an array, a BSON value, a scalar) is left to mingo's resolution,
 * whose array traversal rules this does not repeat.
 */
function fieldPath(expr: Any, options: Options): Operand | undefined {
  if (typeof expr !== 'string' || !expr.startsWith('$') || expr.startsWith('$$') || expr.length < 2) return undefined;
  const parts = expr.slice(1).split('.');
  // A name Object.prototype has would read an inherited member through mingo's plain property access.
  if (parts.some((p) => p === '' || p in Object.prototype)) return undefined;
  const slow = (doc: Document): Any => evalExpr(doc, expr, options);
  const get = (doc: Document): Any => {
    let cur: Any = doc;
    for (const p of parts) {
      if (cur === undefined) return undefined;
      if (typeof cur !== 'object' || cur === null || Object.getPrototypeOf(cur) !== Object.prototype) return slow(doc);
      cur = (cur as AnyObject)[p];
    }
    return cur;
  };
  return { get, field: parts[0]! };
}

/** Any other expression, evaluated per document exactly as the general path's mingo `$push` evaluates it. */
function evaluated(expr: Any, options: Options): Operand {
  return { get: (doc) => underMingo(() => evalExpr(doc, expr, options)), opaque: true };
}

/** An accumulator's operand; undefined for null/missing, which mingo's `$push` treats as "the documents themselves". */
function operand(expr: Any, options: Options): Operand | undefined {
  if (expr === null || expr === undefined) return undefined;
  if (isConstant(expr)) return { get: () => expr, constant: expr };
  return fieldPath(expr, options) ?? evaluated(expr, options);
}

/** The group key expression, with the fields it reads (undefined: any). */
function idOperand(expr: Any, options: Options): { get: Getter; fields: string[] | undefined; constant: boolean } {
  if (expr === null || isConstant(expr)) return { get: () => expr, fields: [], constant: true };
  const single = fieldPath(expr, options);
  if (single) return { get: single.get, fields: [single.field!], constant: false };
  const entries = isPlainObject(expr) ? Object.entries(expr) : [];
  if (entries.length === 0 || entries.some(([k]) => k.startsWith('$'))) return { get: evaluated(expr, options).get, fields: undefined, constant: false };
  // An object of expressions, built member by member as mingo's computeExpression does.
  const members: [string, Getter][] = [];
  let fields: string[] | undefined = [];
  for (const [k, v] of entries) {
    const o = v === null ? { get: () => null, constant: null } : (operand(v, options) ?? evaluated(v, options));
    members.push([k, o.get]);
    if (o.opaque) fields = undefined;
    else if (o.field !== undefined) fields?.push(o.field);
  }
  const get = (doc: Document): Any => {
    const out: AnyObject = {};
    for (const [k, g] of members) out[k] = g(doc);
    return out;
  };
  return { get, fields, constant: fields !== undefined && fields.length === 0 };
}

/** Running state of one accumulator in one group. */
interface Fold {
  add(doc: Document): void;
  value(): Any;
}

type FoldFactory = () => Fold;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `$sum` of the same safe integer `n` times, as sumNumbers types it (a double when it stays safe, else int64). */
function integerProduct(c: number, n: number): Any {
  const s = BigInt(c) * BigInt(n);
  return s <= MAX_SAFE && s >= -MAX_SAFE ? Number(s) : Long.fromBigInt(s);
}

function extreme(o: Operand, sign: 1 | -1): FoldFactory {
  return () => {
    let best: Any = null;
    return {
      add(doc) {
        const v = o.get(doc) ?? null;
        if (v !== null && (best === null || compareValues(v, best) * sign > 0)) best = v;
      },
      value: () => best,
    };
  };
}

function numericValues(o: Operand, reduce: (values: Any[]) => Any): FoldFactory {
  return () => {
    const values: Any[] = [];
    return {
      add(doc) {
        const v = o.get(doc);
        if (isNumeric(v)) values.push(v);
      },
      value: () => reduce(values),
    };
  };
}

function foldFor(op: string, arg: Any, options: Options): FoldFactory | undefined {
  if (op === '$count') {
    if (!isPlainObject(arg) || Object.keys(arg).length > 0) return undefined;
    return () => {
      let n = 0;
      return { add: () => void n++, value: () => n };
    };
  }
  const o = operand(arg, options);
  if (!o) return undefined;
  switch (op) {
    case '$sum':
      if (typeof o.constant === 'number' && Number.isSafeInteger(o.constant)) {
        const c = o.constant;
        return () => {
          let n = 0;
          return { add: () => void n++, value: () => integerProduct(c, n) };
        };
      }
      return numericValues(o, sumNumbers);
    case '$avg':
      return numericValues(o, averageNumbers);
    case '$min':
      return extreme(o, -1);
    case '$max':
      return extreme(o, 1);
    case '$first':
      return () => {
        let first: Any;
        let seen = false;
        return {
          add(doc) {
            if (seen) return;
            seen = true;
            first = o.get(doc) ?? null;
          },
          value: () => first,
        };
      };
    case '$last':
      return () => {
        let last: Any = null;
        return { add: (doc) => void (last = o.get(doc) ?? null), value: () => last };
      };
    case '$push':
      return () => {
        const values: Any[] = [];
        return { add: (doc) => void values.push(o.get(doc) ?? null), value: () => values };
      };
    case '$addToSet':
      return () => {
        const seen = new Set<string>();
        const values: Any[] = [];
        return {
          add(doc) {
            const v = o.get(doc) ?? null;
            const k = keyString(v);
            if (!seen.has(k)) {
              seen.add(k);
              values.push(v);
            }
          },
          value: () => values,
        };
      };
    default:
      return undefined;
  }
}

/** Documents fed one at a time; `result` gives the group documents in first-seen order. */
export interface GroupRun {
  add(doc: Document): void;
  result(): Document[];
}

export interface FastGroup {
  /** Top-level fields the group reads (documents may be given with only these); undefined when an expression may read any. */
  fields: string[] | undefined;
  /** True when `_id` is a constant and every output counts documents: the answer depends only on how many there are. */
  countOnly: boolean;
  /** The answer for `n` documents when `countOnly` (no document for none). */
  resultForCount(n: number): Document[];
  start(): GroupRun;
}

/** compileFastGroup for a pipeline run with `let` variables. */
export function compileFastGroup(spec: Any, variables?: Document): FastGroup | undefined {
  return compileFastGroupWith(spec, mingoOptions(variables ? { variables } : {}));
}

/** The fast evaluator of a `$group` specification under mingo `options`, or undefined for a shape it does not cover. */
export function compileFastGroupWith(spec: Any, options: Options): FastGroup | undefined {
  if (!isPlainObject(spec) || !('_id' in spec)) return undefined;
  const { _id: idExpr, ...outputs } = spec;
  const id = idOperand(idExpr, options);
  const folds: [string, FoldFactory][] = [];
  let fields = id.fields === undefined ? undefined : new Set(id.fields);
  let countOnly = id.constant;
  for (const [name, acc] of Object.entries(outputs)) {
    if (name.includes('.') || name.startsWith('$') || !isPlainObject(acc)) return undefined;
    const ops = Object.keys(acc);
    if (ops.length !== 1) return undefined;
    const op = ops[0]!;
    const fold = foldFor(op, acc[op], options);
    if (!fold) return undefined;
    folds.push([name, fold]);
    const read = op === '$count' ? undefined : operand(acc[op], options);
    if (read?.opaque) fields = undefined;
    else if (read?.field !== undefined) fields?.add(read.field);
    const counts = op === '$count' || (op === '$sum' && typeof acc[op] === 'number' && Number.isSafeInteger(acc[op]));
    if (!counts) countOnly = false;
  }
  const start = (): GroupRun => {
    const groups = new Map<string, { id: Any; state: Fold[] }>();
    return {
      add(doc) {
        const value = withoutMissing(id.get(doc)) ?? null;
        const k = keyString(value);
        let g = groups.get(k);
        if (g === undefined) {
          g = { id: value, state: folds.map(([, make]) => make()) };
          groups.set(k, g);
        }
        for (const f of g.state) f.add(doc);
      },
      result() {
        const out: Document[] = [];
        for (const g of groups.values()) {
          const row: Document = { _id: g.id };
          folds.forEach(([name], i) => (row[name] = g.state[i]!.value()));
          out.push(row);
        }
        return out;
      },
    };
  };
  const resultForCount = (n: number): Document[] => {
    if (n === 0) return [];
    const row: Document = { _id: withoutMissing(id.get({})) ?? null };
    for (const [name, acc] of Object.entries(outputs)) {
      const op = Object.keys(acc as AnyObject)[0]!;
      row[name] = op === '$count' ? n : integerProduct((acc as AnyObject)[op] as number, n);
    }
    return [row];
  };
  return { fields: fields === undefined ? undefined : [...fields], countOnly, resultForCount, start };
}
