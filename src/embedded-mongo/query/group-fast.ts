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
import { $push } from 'mingo/operators/accumulator';
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

/**
 * A compiled operand: `values` reads it for a batch of documents (a field
 * path or constant directly, another expression through mingo's `$push`,
 * which is how the general path evaluates accumulator operands: one
 * evaluation context per batch rather than per document, whose set-up
 * would cost more than most expressions).
 */
interface Operand {
  values(docs: Document[]): Any[];
  /** The top-level field a field path reads. */
  field?: string;
  constant?: Any;
  /** True for an expression that may read any field. */
  opaque?: boolean;
}

function isConstant(v: Any): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$'));
}

function perDocument(get: Getter): (docs: Document[]) => Any[] {
  return (docs) => {
    const out = new Array<Any>(docs.length);
    for (let i = 0; i < docs.length; i++) out[i] = get(docs[i]!);
    return out;
  };
}

/**
 * `'$a.b'` read by hand while every step is a plain document; any other
 * step (an array, a BSON value, a scalar) is left to mingo's resolution,
 * whose array traversal rules this does not repeat.
 */
function fieldPath(expr: Any, options: Options): (Operand & { get: Getter }) | undefined {
  if (typeof expr !== 'string' || !expr.startsWith('$') || expr.startsWith('$$') || expr.length < 2) return undefined;
  const parts = expr.slice(1).split('.');
  // A name Object.prototype has would read an inherited member through mingo's plain property access.
  if (parts.some((p) => p === '' || p in Object.prototype)) return undefined;
  const slow = (doc: Document): Any => underMingo(() => evalExpr(doc, expr, options));
  const get = (doc: Document): Any => {
    let cur: Any = doc;
    for (const p of parts) {
      if (cur === undefined) return undefined;
      if (typeof cur !== 'object' || cur === null || Object.getPrototypeOf(cur) !== Object.prototype) return slow(doc);
      cur = (cur as AnyObject)[p];
    }
    return cur;
  };
  return { get, values: perDocument(get), field: parts[0]! };
}

/** Any other expression, evaluated for a batch exactly as the general path's mingo `$push` evaluates it (missing => null). */
function evaluated(expr: Any, options: Options): Operand {
  return { values: (docs) => underMingo(() => $push(docs as AnyObject[], expr, options) as Any[]), opaque: true };
}

function constant(value: Any): Operand {
  return { values: (docs) => new Array<Any>(docs.length).fill(value), constant: value };
}

/** An accumulator's operand; undefined for null/missing, which mingo's `$push` treats as "the documents themselves". */
function operand(expr: Any, options: Options): Operand | undefined {
  if (expr === null || expr === undefined) return undefined;
  if (isConstant(expr)) return constant(expr);
  return fieldPath(expr, options) ?? evaluated(expr, options);
}

/** The group key expression, with the fields it reads (undefined: any). */
function idOperand(expr: Any, options: Options): { values(docs: Document[]): Any[]; fields: string[] | undefined; constant: boolean } {
  if (expr === null || isConstant(expr)) return { values: constant(expr).values, fields: [], constant: true };
  const single = fieldPath(expr, options);
  if (single) return { values: single.values, fields: [single.field!], constant: false };
  const entries = isPlainObject(expr) ? Object.entries(expr) : [];
  if (entries.length === 0 || entries.some(([k]) => k.startsWith('$'))) return { values: evaluated(expr, options).values, fields: undefined, constant: false };
  // An object of field paths and constants, built member by member as mingo's computeExpression does (a missing member stays undefined).
  const members: [string, Operand][] = [];
  for (const [k, v] of entries) {
    const o = v === null || v === undefined || isConstant(v) ? constant(v) : fieldPath(v, options);
    if (o === undefined) return { values: evaluated(expr, options).values, fields: undefined, constant: false };
    members.push([k, o]);
  }
  const fields = members.flatMap(([, o]) => (o.field === undefined ? [] : [o.field]));
  const values = (docs: Document[]): Any[] => {
    const columns = members.map(([k, o]) => [k, o.values(docs)] as const);
    return docs.map((_, i) => {
      const out: AnyObject = {};
      for (const [k, column] of columns) out[k] = column[i];
      return out;
    });
  };
  return { values, fields, constant: fields.length === 0 };
}

/** Running state of one accumulator in one group, fed the operand's value for each document. */
interface Fold {
  add(value: Any): void;
  value(): Any;
}

type FoldFactory = () => Fold;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `$sum` of the same safe integer `n` times, as sumNumbers types it (a double when it stays safe, else int64). */
function integerProduct(c: number, n: number): Any {
  const s = BigInt(c) * BigInt(n);
  return s <= MAX_SAFE && s >= -MAX_SAFE ? Number(s) : Long.fromBigInt(s);
}

function extreme(sign: 1 | -1): FoldFactory {
  return () => {
    let best: Any = null;
    return {
      add(v) {
        if (v !== null && v !== undefined && (best === null || compareValues(v, best) * sign > 0)) best = v;
      },
      value: () => best,
    };
  };
}

function numericValues(reduce: (values: Any[]) => Any): FoldFactory {
  return () => {
    const values: Any[] = [];
    return {
      add(v) {
        if (isNumeric(v)) values.push(v);
      },
      value: () => reduce(values),
    };
  };
}

function counting(result: (n: number) => Any): FoldFactory {
  return () => {
    let n = 0;
    return { add: () => void n++, value: () => result(n) };
  };
}

/** The fold of accumulator `op` over values of `o` (undefined for an accumulator left to the general path). */
function foldFor(op: string, o: Operand): FoldFactory | undefined {
  switch (op) {
    case '$sum':
      if (typeof o.constant === 'number' && Number.isSafeInteger(o.constant)) {
        const c = o.constant;
        return counting((n) => integerProduct(c, n));
      }
      return numericValues(sumNumbers);
    case '$avg':
      return numericValues(averageNumbers);
    case '$min':
      return extreme(-1);
    case '$max':
      return extreme(1);
    case '$first':
      return () => {
        let first: Any;
        let seen = false;
        return {
          add(v) {
            if (seen) return;
            seen = true;
            first = v ?? null;
          },
          value: () => first,
        };
      };
    case '$last':
      return () => {
        let last: Any = null;
        return { add: (v) => void (last = v ?? null), value: () => last };
      };
    case '$push':
      return () => {
        const values: Any[] = [];
        return { add: (v) => void values.push(v ?? null), value: () => values };
      };
    case '$addToSet':
      return () => {
        const seen = new Set<string>();
        const values: Any[] = [];
        return {
          add(raw) {
            const v = raw ?? null;
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

/** Documents evaluated together (see Operand). */
const BATCH = 512;

/** compileFastGroup for a pipeline run with `let` variables. */
export function compileFastGroup(spec: Any, variables?: Document): FastGroup | undefined {
  return compileFastGroupWith(spec, mingoOptions(variables ? { variables } : {}));
}

/** The fast evaluator of a `$group` specification under mingo `options`, or undefined for a shape it does not cover. */
export function compileFastGroupWith(spec: Any, options: Options): FastGroup | undefined {
  if (!isPlainObject(spec) || !('_id' in spec)) return undefined;
  const { _id: idExpr, ...outputs } = spec;
  const id = idOperand(idExpr, options);
  const outputsFolded: { name: string; operand: Operand | undefined; make: FoldFactory; counts: boolean }[] = [];
  for (const [name, acc] of Object.entries(outputs)) {
    if (name.includes('.') || name.startsWith('$') || !isPlainObject(acc)) return undefined;
    const ops = Object.keys(acc);
    if (ops.length !== 1) return undefined;
    const op = ops[0]!;
    const arg = acc[op];
    if (op === '$count') {
      if (!isPlainObject(arg) || Object.keys(arg).length > 0) return undefined;
      outputsFolded.push({ name, operand: undefined, make: counting((n) => n), counts: true });
      continue;
    }
    const o = operand(arg, options);
    const make = o === undefined ? undefined : foldFor(op, o);
    if (o === undefined || make === undefined) return undefined;
    outputsFolded.push({ name, operand: o, make, counts: op === '$sum' && typeof o.constant === 'number' && Number.isSafeInteger(o.constant) });
  }
  let fields: string[] | undefined = id.fields === undefined ? undefined : [...id.fields];
  for (const { operand: o } of outputsFolded) {
    if (o?.opaque) fields = undefined;
    else if (o?.field !== undefined) fields?.push(o.field);
  }
  const countOnly = id.constant && outputsFolded.every((f) => f.counts);
  const start = (): GroupRun => {
    const groups = new Map<string, { id: Any; state: Fold[] }>();
    let pending: Document[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const docs = pending;
      pending = [];
      const ids = id.values(docs);
      const columns = outputsFolded.map((f) => f.operand?.values(docs));
      for (let i = 0; i < docs.length; i++) {
        const value = withoutMissing(ids[i]) ?? null;
        const k = keyString(value);
        let g = groups.get(k);
        if (g === undefined) {
          g = { id: value, state: outputsFolded.map((f) => f.make()) };
          groups.set(k, g);
        }
        for (let j = 0; j < g.state.length; j++) g.state[j]!.add(columns[j]?.[i]);
      }
    };
    return {
      add(doc) {
        pending.push(doc);
        if (pending.length >= BATCH) flush();
      },
      result() {
        flush();
        const out: Document[] = [];
        for (const g of groups.values()) {
          const row: Document = { _id: g.id };
          outputsFolded.forEach(({ name }, i) => (row[name] = g.state[i]!.value()));
          out.push(row);
        }
        return out;
      },
    };
  };
  const resultForCount = (n: number): Document[] => {
    if (n === 0) return [];
    const row: Document = { _id: withoutMissing(idExpr) ?? null };
    for (const { name, operand: o } of outputsFolded) row[name] = o === undefined ? n : integerProduct(o.constant as number, n);
    return [row];
  };
  return { fields: fields === undefined ? undefined : [...new Set(fields)], countOnly, resultForCount, start };
}
