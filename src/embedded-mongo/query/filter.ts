/**
 * The query filter language, compiled once into a predicate. Paths follow
 * mongod's rules: an array met on the way is searched element by element, a
 * leaf array matches when the array itself or any element does, and a
 * missing field behaves as null for equality.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import {
  bitsTest,
  comparisonTest,
  equalityTest,
  inTest,
  isOperatorDoc,
  modTest,
  regexTest,
  sizeTest,
  typeTest,
  type ValueTest,
} from './filter-values.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { isNumeric, isTruthy, toDouble } from './numbers.js';
import { isTraversable } from './paths.js';
import { isRegexValue, makeRegExp, toRegExp } from './regex.js';

type DocTest = (doc: unknown) => boolean;

const DIGITS = /^\d+$/;

function ownField(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * A document test that is true when some value at `path` passes `test`.
 * With `expandLeaf`, the elements of a leaf array are candidates too.
 * A path that leads nowhere offers `undefined` (missing) once.
 */
function anyAtPath(path: string, test: ValueTest, expandLeaf: boolean): DocTest {
  const leaf = (v: unknown): boolean => {
    if (test(v)) return true;
    if (expandLeaf && Array.isArray(v)) {
      for (const e of v) if (test(e)) return true;
    }
    return false;
  };
  if (!path.includes('.')) {
    return (doc) => leaf(isTraversable(doc) ? ownField(doc, path) : undefined);
  }
  const parts = path.split('.');
  const indexes = parts.map((p) => (DIGITS.test(p) ? Number(p) : -1));
  return (doc) => {
    const r = walkPath(doc, parts, indexes, 0, leaf);
    return r === MATCHED ? true : r === PRODUCED ? false : leaf(undefined);
  };
}

const NOTHING = 0;
const PRODUCED = 1;
const MATCHED = 2;

/**
 * Follows `parts` from `v`, offering each value reached to `leaf`: MATCHED
 * as soon as one passes, PRODUCED when values were offered, NOTHING when
 * the path only ran through arrays without documents.
 */
function walkPath(v: unknown, parts: string[], indexes: number[], i: number, leaf: ValueTest): number {
  if (i === parts.length) return leaf(v) ? MATCHED : PRODUCED;
  if (Array.isArray(v)) {
    const index = indexes[i]!;
    if (index >= 0) return walkPath(v[index], parts, indexes, i + 1, leaf);
    let result = NOTHING;
    for (const e of v) {
      if (!isTraversable(e)) continue;
      const r = walkPath(ownField(e, parts[i]!), parts, indexes, i + 1, leaf);
      if (r === MATCHED) return MATCHED;
      if (r === PRODUCED) result = PRODUCED;
    }
    return result;
  }
  if (isTraversable(v)) return walkPath(ownField(v, parts[i]!), parts, indexes, i + 1, leaf);
  return leaf(undefined) ? MATCHED : PRODUCED;
}

/** A test applied to one value (no path traversal), as `$elemMatch` applies operators to an element. */
function compileValueOps(spec: Document): ValueTest {
  const tests = operatorTests(spec).map((t) => t.value);
  return (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

function elemMatchTest(operand: unknown): ValueTest {
  if (!isPlainObject(operand)) throw new CommandError('BadValue', '$elemMatch needs an Object');
  if (isOperatorDoc(operand) && !('$and' in operand || '$or' in operand || '$nor' in operand || '$expr' in operand)) {
    const inner = compileValueOps(operand);
    return (v) => Array.isArray(v) && v.some(inner);
  }
  const inner = compileDocument(operand);
  return (v) => Array.isArray(v) && v.some((e) => isTraversable(e) && inner(e));
}

function allTest(operand: unknown): ValueTest {
  if (!Array.isArray(operand)) throw new CommandError('BadValue', '$all needs an array');
  if (operand.length === 0) return () => false;
  const tests = operand.map((item): ValueTest => {
    if (isPlainObject(item) && '$elemMatch' in item) return elemMatchTest(item.$elemMatch);
    if (isOperatorDoc(item)) throw new CommandError('BadValue', 'no $ expressions in $all');
    const one = isRegexValue(item) ? regexTest(toRegExp(item), item) : equalityTest(item);
    return (v) => one(v) || (Array.isArray(v) && v.some(one));
  });
  return (v) => tests.every((t) => t(v));
}

interface CompiledOp {
  /** Per-value test, for use inside `$elemMatch`. */
  value: ValueTest;
  /** Whole-path test against a document. */
  path: (path: string) => DocTest;
}

function positive(test: ValueTest, expandLeaf = true): CompiledOp {
  return { value: test, path: (p) => anyAtPath(p, test, expandLeaf) };
}

function negated(inner: CompiledOp): CompiledOp {
  return {
    value: (v) => !inner.value(v),
    path: (p) => {
      const t = inner.path(p);
      return (doc) => !t(doc);
    },
  };
}

function notOperand(operand: unknown): CompiledOp {
  if (isRegexValue(operand)) return positive(regexTest(toRegExp(operand), operand));
  if (!isPlainObject(operand)) throw new CommandError('BadValue', '$not needs a regex or a document');
  if (Object.keys(operand).length === 0) throw new CommandError('BadValue', '$not cannot be empty');
  if (!isOperatorDoc(operand)) throw new CommandError('BadValue', 'unknown operator in $not');
  const ops = operatorTests(operand);
  return {
    value: (v) => ops.every((o) => o.value(v)),
    path: (p) => {
      const tests = ops.map((o) => o.path(p));
      return (doc) => tests.every((t) => t(doc));
    },
  };
}

function operatorTests(spec: Document): CompiledOp[] {
  const out: CompiledOp[] = [];
  let regexOptions: string | undefined;
  if ('$options' in spec) {
    if (!('$regex' in spec)) throw new CommandError('BadValue', '$options needs a $regex');
    if (typeof spec.$options !== 'string') throw new CommandError('BadValue', '$options has to be a string');
    regexOptions = spec.$options;
  }
  for (const [op, operand] of Object.entries(spec)) {
    switch (op) {
      case '$eq':
        out.push(positive(equalityTest(operand)));
        break;
      case '$ne':
        out.push(negated(positive(equalityTest(operand))));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        out.push(positive(comparisonTest(op, operand)));
        break;
      case '$in':
        out.push(positive(inTest(operand)));
        break;
      case '$nin':
        out.push(negated(positive(inTest(operand))));
        break;
      case '$exists': {
        const exists = positive((v) => v !== undefined);
        const want = operand !== false && operand !== null && operand !== undefined && !(isNumeric(operand) && toDouble(operand) === 0);
        out.push(want ? exists : negated(exists));
        break;
      }
      case '$type':
        out.push(positive(typeTest(operand)));
        break;
      case '$regex': {
        let re: RegExp;
        if (typeof operand === 'string') re = makeRegExp(operand, regexOptions ?? '');
        else if (isRegexValue(operand)) re = toRegExp(operand, regexOptions ?? '');
        else throw new CommandError('BadValue', '$regex has to be a string');
        out.push(positive(regexTest(re, operand)));
        break;
      }
      case '$options':
        break;
      case '$mod':
        out.push(positive(modTest(operand)));
        break;
      case '$size':
        out.push(positive(sizeTest(operand), false));
        break;
      case '$all':
        out.push(positive(allTest(operand), false));
        break;
      case '$elemMatch':
        out.push(positive(elemMatchTest(operand), false));
        break;
      case '$not':
        out.push(negated(notOperand(operand)));
        break;
      case '$bitsAllSet':
      case '$bitsAnySet':
      case '$bitsAllClear':
      case '$bitsAnyClear':
        out.push(positive(bitsTest(op, operand)));
        break;
      case '$comment':
        break;
      case '$where':
        throw new CommandError('BadValue', '$where is not allowed: this server does not run JavaScript');
      default:
        throw new CommandError('BadValue', `unknown operator: ${op}`);
    }
  }
  return out;
}

function compileField(path: string, spec: unknown): DocTest {
  if (path === '') throw new CommandError('BadValue', 'empty field name in query');
  if (isRegexValue(spec)) return anyAtPath(path, regexTest(toRegExp(spec), spec), true);
  if (isOperatorDoc(spec)) {
    const tests = operatorTests(spec).map((o) => o.path(path));
    if (tests.length === 1) return tests[0]!;
    return (doc) => {
      for (const t of tests) if (!t(doc)) return false;
      return true;
    };
  }
  return anyAtPath(path, equalityTest(spec), true);
}

function logicalClauses(op: string, operand: unknown): DocTest[] {
  if (!Array.isArray(operand) || operand.length === 0) {
    throw new CommandError('BadValue', `${op} must be a nonempty array`);
  }
  return operand.map((clause) => {
    if (!isPlainObject(clause)) throw new CommandError('BadValue', `${op} argument's entries must be objects`);
    return compileDocument(clause);
  });
}

/** Options for `$expr`: those of the enclosing pipeline stage (with its variables) or this server's defaults. */
let exprOptions: Options | null = null;

function exprTest(operand: unknown): DocTest {
  const options = exprOptions ?? mingoOptions();
  return (doc) => underMingo(() => isTruthy(evalExpr(doc, operand, options)));
}

function compileDocument(filter: Document): DocTest {
  const tests: DocTest[] = [];
  for (const [key, spec] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      switch (key) {
        case '$and': {
          const clauses = logicalClauses(key, spec);
          tests.push((doc) => clauses.every((c) => c(doc)));
          break;
        }
        case '$or': {
          const clauses = logicalClauses(key, spec);
          tests.push((doc) => clauses.some((c) => c(doc)));
          break;
        }
        case '$nor': {
          const clauses = logicalClauses(key, spec);
          tests.push((doc) => !clauses.some((c) => c(doc)));
          break;
        }
        case '$expr':
          tests.push(exprTest(spec));
          break;
        case '$comment':
          break;
        case '$alwaysTrue':
          break;
        case '$alwaysFalse':
          tests.push(() => false);
          break;
        case '$where':
          throw new CommandError('BadValue', '$where is not allowed: this server does not run JavaScript');
        default:
          throw new CommandError('BadValue', `unknown top level operator: ${key}`);
      }
    } else {
      tests.push(compileField(key, spec));
    }
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (doc) => {
    for (const t of tests) if (!t(doc)) return false;
    return true;
  };
}

/**
 * Compiles a query filter once; the predicate is called per document.
 * Unknown operator => BadValue 'unknown operator: $foo'; $where is refused.
 */
export function compileFilter(filter: Document): (doc: Document) => boolean {
  if (filter === null || filter === undefined) return () => true;
  if (!isPlainObject(filter)) throw new CommandError('BadValue', 'query filter must be an object');
  return compileDocument(filter);
}

/** compileFilter for a `$match` stage: `$expr` sees the stage's variables (`let`, `$$NOW`, …). */
export function compileFilterWith(filter: Document, options: Options): (doc: Document) => boolean {
  const saved = exprOptions;
  exprOptions = options;
  try {
    return compileFilter(filter);
  } finally {
    exprOptions = saved;
  }
}

/**
 * The dotted paths a filter can read, or undefined when that is not known
 * from its shape (`$expr`, `$where`, `$text`, …): a document decoded down
 * to these paths matches exactly when the whole document does.
 */
export function filterPaths(filter: Document): string[] | undefined {
  const out = new Set<string>();
  const visit = (f: unknown): boolean => {
    if (!isPlainObject(f)) return false;
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' || k === '$or' || k === '$nor') {
        if (!Array.isArray(v) || !v.every(visit)) return false;
      } else if (k === '$comment') {
        continue;
      } else if (k.startsWith('$')) {
        return false;
      } else {
        out.add(k);
      }
    }
    return true;
  };
  return visit(filter) ? [...out] : undefined;
}

/** The top-level fields a filter can read (the first names of its paths), or undefined as for filterPaths. */
export function filterFields(filter: Document): string[] | undefined {
  const paths = filterPaths(filter);
  return paths === undefined ? undefined : [...new Set(paths.map((path) => path.split('.')[0]!))];
}
