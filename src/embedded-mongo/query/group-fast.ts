/**
 * A direct evaluator for the common `$group` shape: `_id` a field path, a
 * constant or an object of those, with `$sum`/`$avg`/`$min`/`$max`/`$first`/
 * `$last`/`$count`/`$push`/`$addToSet` over a field path or a constant. The
 * general path builds each group's document list and evaluates every
 * operand through mingo (about 10 µs a document); this one reads the
 * operands once per document and folds them into running state, so a group
 * over a whole collection costs little beyond reading the documents.
 *
 * It must answer exactly what the general `$group` (stream-stages.ts with
 * the accumulators of accumulator-ops.ts and mingo's $push/$first/$last/
 * $count) answers, so it reuses their reductions: values are read as
 * mingo's `$push` reads them (missing => null), sums and averages go
 * through sumNumbers/averageNumbers, groups come out in first-seen order.
 * Anything it does not recognise makes compileFastGroup return undefined,
 * and a document whose path crosses an array or a non-document value is
 * evaluated by mingo itself.
 */
import type { Document } from 'bson';
import { Long } from 'bson';
import { evalExpr } from 'mingo/core';
import { averageNumbers, sumNumbers } from './arithmetic.js';
import { isPlainObject } from './bson-types.js';
import { compareValues } from './compare.js';
import { keyString } from './key-string.js';
import { mingoOptions } from './mingo-context.js';
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

/** A compiled operand: a getter, plus the top-level field it reads (none for a constant). */
interface Operand {
  get: Getter;
  field?: string;
  constant?: Any;
}

function isConstant(v: Any): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$'));
}

/**
 * `'$a.b'` read by hand while every step is a plain document; any other
 * step (an array, a BSON value, a scalar) is left to mingo's resolution,
 * whose array traversal rules this does not repeat.
 */
function fieldPath(expr: Any): Operand | undefined {
  if (typeof expr !== 'string' || !expr.startsWith('$') || expr.startsWith('$$') || expr.length < 2) return undefined;
  const parts = expr.slice(1).split('.');
  // A name Object.prototype has would read an inherited member through mingo's plain property access.
  if (parts.some((p) => p === '' || p in Object.prototype)) return undefined;
  const options = mingoOptions();
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

function operand(expr: Any): Operand | undefined {
  if (isConstant(expr)) return { get: () => expr, constant: expr };
  return fieldPath(expr);
}

/** The group key expression, or undefined for a shape left to mingo. */
function idOperand(expr: Any): { get: Getter; fields: string[]; constant: boolean } | undefined {
  if (expr === null) return { get: () => null, fields: [], constant: true };
  const single = operand(expr);
  if (single) return { get: single.get, fields: single.field ? [single.field] : [], constant: single.field === undefined };
  if (!isPlainObject(expr)) return undefined;
  const entries = Object.entries(expr);
  if (entries.length === 0 || entries.some(([k]) => k.startsWith('$'))) return undefined;
  const members: [string, Getter][] = [];
  const fields: string[] = [];
  for (const [k, v] of entries) {
    const o = v === null ? { get: () => null } : operand(v);
    if (!o) return undefined;
    members.push([k, o.get]);
    if ('field' in o && o.field !== undefined) fields.push(o.field);
  }
  const get = (doc: Document): Any => {
    const out: AnyObject = {};
    for (const [k, g] of members) out[k] = g(doc);
    return out;
  };
  return { get, fields, constant: fields.length === 0 };
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

function foldFor(op: string, arg: Any): FoldFactory | undefined {
  if (op === '$count') {
    if (!isPlainObject(arg) || Object.keys(arg).length > 0) return undefined;
    return () => {
      let n = 0;
      return { add: () => void n++, value: () => n };
    };
  }
  const o = operand(arg);
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
  /** Top-level fields the group reads (documents may be given with only these). */
  fields: string[];
  /** True when `_id` is a constant and every output counts documents: the answer depends only on how many there are. */
  countOnly: boolean;
  /** The answer for `n` documents when `countOnly` (no document for none). */
  resultForCount(n: number): Document[];
  start(): GroupRun;
}

/** The fast evaluator of a `$group` specification, or undefined for a shape it does not cover. */
export function compileFastGroup(spec: Any): FastGroup | undefined {
  if (!isPlainObject(spec) || !('_id' in spec)) return undefined;
  const { _id: idExpr, ...outputs } = spec;
  const id = idOperand(idExpr);
  if (!id) return undefined;
  const folds: [string, FoldFactory][] = [];
  const fields = new Set(id.fields);
  let countOnly = id.constant;
  for (const [name, acc] of Object.entries(outputs)) {
    if (name.includes('.') || name.startsWith('$') || !isPlainObject(acc)) return undefined;
    const ops = Object.keys(acc);
    if (ops.length !== 1) return undefined;
    const op = ops[0]!;
    const fold = foldFor(op, acc[op]);
    if (!fold) return undefined;
    folds.push([name, fold]);
    const field = op === '$count' ? undefined : fieldPath(acc[op])?.field;
    if (field !== undefined) fields.add(field);
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
  return { fields: [...fields], countOnly, resultForCount, start };
}
