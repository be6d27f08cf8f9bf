import { type Document, MaxKey, MinKey } from 'bson';
import { compareValues } from '../query/index.js';

/** One side of a range condition on a field. */
export interface Bound {
  value: unknown;
  inclusive: boolean;
}

/** What the filter says about one field, as far as an index can use it; anything else is left to the filter. */
export interface FieldCondition {
  /** Equality candidates (`field: v`, `$eq`, `$in`): the field must equal one of them. */
  points?: unknown[];
  /**
   * Values the field must hold all of, each from its own conjunct (`field: v`,
   * `$eq`, a one-value `$in`): a multikey index can intersect their entries.
   */
  required?: unknown[];
  /** The tightest explicit `$gt`/`$gte`. */
  lower?: Bound;
  /** The tightest explicit `$lt`/`$lte`. */
  upper?: Bound;
}

function bsonTag(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const tag = (v as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

const NUMERIC_TAGS = new Set(['Long', 'Int32', 'Double', 'Decimal128']);

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || NUMERIC_TAGS.has(bsonTag(v) ?? '');
}

/** A value whose index entries are exactly the documents equal to it (arrays, null and regexes match more than their own key). */
function isPointValue(v: unknown): boolean {
  if (v === null || v === undefined || Array.isArray(v) || v instanceof RegExp) return false;
  const tag = bsonTag(v);
  if (tag === 'BSONRegExp' || tag === 'MinKey' || tag === 'MaxKey') return false;
  return true;
}

function isOperatorObject(v: unknown): v is Document {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof RegExp || v instanceof Date) return false;
  if (bsonTag(v) !== undefined) return false;
  const first = Object.keys(v)[0];
  return first !== undefined && first.startsWith('$');
}

/**
 * The scan interval for a range condition. On a multikey index two bounds
 * may be met by different array elements (`{a: {$gt: 5, $lt: 10}}` matches
 * `a: [1, 20]`), so only one side is used there, as mongod does.
 */
export function rangeInterval(cond: FieldCondition, multikey: boolean): { lower: Bound; upper: Bound } | undefined {
  const { lower, upper } = cond;
  if (lower === undefined && upper === undefined) return undefined;
  if (lower !== undefined && (upper === undefined || multikey)) return { lower, upper: bracketEdge(lower.value, 'upper') };
  if (upper !== undefined && (lower === undefined || multikey)) return { lower: bracketEdge(upper.value, 'lower'), upper };
  return { lower: lower!, upper: upper! };
}

/**
 * The end of `value`'s type bracket in the direction of `side`: a range
 * comparison only matches values of the same canonical type, so the index
 * scan can stop at the type's edge instead of the end of the index.
 */
export function bracketEdge(value: unknown, side: 'lower' | 'upper'): Bound {
  if (isNumeric(value)) return side === 'upper' ? { value: Infinity, inclusive: true } : { value: NaN, inclusive: true };
  if (typeof value === 'string') return side === 'upper' ? { value: {}, inclusive: false } : { value: '', inclusive: true };
  if (value instanceof Date) {
    return side === 'upper' ? { value: new Date(8.64e15), inclusive: true } : { value: new Date(-8.64e15), inclusive: true };
  }
  return side === 'upper' ? { value: new MaxKey(), inclusive: true } : { value: new MinKey(), inclusive: true };
}

function addPoints(cond: FieldCondition, points: unknown[]): void {
  // Several equality conditions on one field: any one of them is a valid superset, keep the smallest.
  if (cond.points === undefined || points.length < cond.points.length) cond.points = points;
}

function addRequired(cond: FieldCondition, value: unknown): void {
  (cond.required ??= []).push(value);
}

function tighter(a: Bound | undefined, b: Bound, side: 'lower' | 'upper'): Bound {
  if (a === undefined) return b;
  const c = compareValues(a.value, b.value);
  if (c === 0) return a.inclusive ? b : a;
  return (side === 'lower' ? c > 0 : c < 0) ? a : b;
}

function collectField(conds: Map<string, FieldCondition>, path: string, value: unknown): void {
  let cond = conds.get(path);
  const ensure = (): FieldCondition => {
    if (cond === undefined) {
      cond = {};
      conds.set(path, cond);
    }
    return cond;
  };
  if (!isOperatorObject(value)) {
    if (isPointValue(value)) {
      addPoints(ensure(), [value]);
      addRequired(ensure(), value);
    }
    return;
  }
  for (const [op, arg] of Object.entries(value)) {
    switch (op) {
      case '$eq':
        if (isPointValue(arg)) {
          addPoints(ensure(), [arg]);
          addRequired(ensure(), arg);
        }
        break;
      case '$in':
        if (Array.isArray(arg) && arg.every(isPointValue)) {
          addPoints(ensure(), arg);
          if (arg.length === 1) addRequired(ensure(), arg[0]);
        }
        break;
      case '$all':
        // Every listed value must be present, so the documents holding the first one are a superset.
        if (Array.isArray(arg) && arg.length > 0 && isPointValue(arg[0]) && !isOperatorObject(arg[0])) addPoints(ensure(), [arg[0]]);
        break;
      case '$gt':
      case '$gte':
        if (isPointValue(arg) && !isOperatorObject(arg)) {
          const c = ensure();
          c.lower = tighter(c.lower, { value: arg, inclusive: op === '$gte' }, 'lower');
        }
        break;
      case '$lt':
      case '$lte':
        if (isPointValue(arg) && !isOperatorObject(arg)) {
          const c = ensure();
          c.upper = tighter(c.upper, { value: arg, inclusive: op === '$lte' }, 'upper');
        }
        break;
      default:
        break;
    }
  }
}

/** The index-usable conditions of a filter: its top-level fields and those of (nested) `$and` conjuncts. */
export function fieldConditions(filter: Document | undefined): Map<string, FieldCondition> {
  const conds = new Map<string, FieldCondition>();
  const visit = (f: Document): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and') {
        if (Array.isArray(value)) for (const sub of value) if (typeof sub === 'object' && sub !== null) visit(sub as Document);
      } else if (!key.startsWith('$')) {
        collectField(conds, key, value);
      }
    }
  };
  if (filter) visit(filter);
  return conds;
}
