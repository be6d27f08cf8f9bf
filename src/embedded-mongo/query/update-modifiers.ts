/**
 * The field-level update operators ($set, $inc, $push, …): each one changes
 * the value held under `key` in `parent` (a document or an array), with
 * mongod's type rules and error codes.
 */
import type { Document } from 'bson';
import { Long, Timestamp } from 'bson';
import { CommandError } from '../errors.js';
import { binaryArithmetic } from './arithmetic.js';
import { isPlainObject, typeName } from './bson-types.js';
import { cloneDocument } from './clone.js';
import { compareValues, valuesEqual } from './compare.js';
import { compileFilter } from './filter.js';
import { keyString } from './key-string.js';
import { isNumeric, toDouble, unwrapNumber } from './numbers.js';
import { isRegexValue } from './regex.js';
import { compileSort } from './sort.js';

export type Container = Record<string, unknown> | unknown[];

/** One field operation: reads the current value (undefined when absent) and answers the new one, or REMOVE / KEEP. */
export type Modifier = (current: unknown, path: string) => unknown;

export const REMOVE = Symbol('remove');
export const KEEP = Symbol('keep');

/** Operators that create missing fields (and the documents on the way to them). */
export const CREATING_OPERATORS = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$currentDate', '$push', '$addToSet', '$bit']);

function describe(v: unknown): string {
  return typeName(v);
}

function requireNumeric(op: string, operand: unknown, path: string): void {
  if (!isNumeric(operand)) {
    const verb = op === '$inc' ? 'increment' : 'multiply';
    throw new CommandError('TypeMismatch', `Cannot ${verb} with non-numeric argument: {${path}: ${String(operand)}}`);
  }
}

function requireArray(current: unknown, path: string): unknown[] | undefined {
  if (current === undefined) return undefined;
  if (!Array.isArray(current)) {
    throw new CommandError('BadValue', `The field '${path}' must be an array but is of type ${describe(current)} in document`);
  }
  return current;
}

function sliceCount(v: unknown, what: string): number {
  if (!isNumeric(v) || !Number.isInteger(toDouble(v))) throw new CommandError('BadValue', `The value for ${what} must be an integer`);
  return toDouble(v);
}

function pushModifier(operand: unknown): Modifier {
  let each: unknown[];
  let position: number | undefined;
  let slice: number | undefined;
  let sort: ((a: unknown, b: unknown) => number) | undefined;
  if (isPlainObject(operand) && '$each' in operand) {
    for (const k of Object.keys(operand)) {
      if (!['$each', '$slice', '$sort', '$position'].includes(k)) throw new CommandError('BadValue', `Unrecognized clause in $push: ${k}`);
    }
    if (!Array.isArray(operand.$each)) throw new CommandError('BadValue', `The argument to $each in $push must be an array but it was of type: ${describe(operand.$each)}`);
    each = operand.$each;
    if (operand.$position !== undefined) position = sliceCount(operand.$position, '$position');
    if (operand.$slice !== undefined) slice = sliceCount(operand.$slice, '$slice');
    if (operand.$sort !== undefined) sort = pushSort(operand.$sort);
  } else {
    each = [operand];
  }
  return (current, path) => {
    const existing = requireArray(current, path) ?? [];
    const items = each.map(cloneDocument);
    let next: unknown[];
    if (position === undefined) {
      next = [...existing, ...items];
    } else {
      const at = position < 0 ? Math.max(0, existing.length + position) : Math.min(position, existing.length);
      next = [...existing.slice(0, at), ...items, ...existing.slice(at)];
    }
    if (sort) next.sort(sort);
    if (slice !== undefined) next = slice >= 0 ? next.slice(0, slice) : next.slice(Math.max(0, next.length + slice));
    return next;
  };
}

function pushSort(spec: unknown): (a: unknown, b: unknown) => number {
  if (isNumeric(spec)) {
    const dir = toDouble(spec);
    if (dir !== 1 && dir !== -1) throw new CommandError('BadValue', 'The $sort element value must be either 1 or -1');
    return (a, b) => dir * compareValues(a, b);
  }
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new CommandError('BadValue', 'The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields');
  const cmp = compileSort(spec as Document);
  return (a, b) => cmp((isPlainObject(a) ? a : {}) as Document, (isPlainObject(b) ? b : {}) as Document);
}

function addToSetModifier(operand: unknown): Modifier {
  let each: unknown[];
  if (isPlainObject(operand) && '$each' in operand) {
    if (Object.keys(operand).length !== 1) throw new CommandError('BadValue', 'Found unexpected fields after $each in $addToSet');
    if (!Array.isArray(operand.$each)) throw new CommandError('TypeMismatch', `The argument to $each in $addToSet must be an array but it was of type ${describe(operand.$each)}`);
    each = operand.$each;
  } else {
    each = [operand];
  }
  return (current, path) => {
    const existing = requireArray(current, path) ?? [];
    const seen = new Set(existing.map(keyString));
    const next = [...existing];
    for (const item of each) {
      const k = keyString(item);
      if (!seen.has(k)) {
        seen.add(k);
        next.push(cloneDocument(item));
      }
    }
    return next;
  };
}

function pullTest(operand: unknown): (e: unknown) => boolean {
  if (isPlainObject(operand) && Object.keys(operand).length > 0) {
    const first = Object.keys(operand)[0]!;
    if (first.startsWith('$')) {
      const test = compileFilter({ v: operand });
      return (e) => test({ v: e });
    }
    const test = compileFilter(operand);
    return (e) => isPlainObject(e) && test(e);
  }
  if (isRegexValue(operand)) {
    const test = compileFilter({ v: operand });
    return (e) => test({ v: e });
  }
  return (e) => valuesEqual(e, operand);
}

function bitModifier(operand: unknown): Modifier {
  if (!isPlainObject(operand) || Object.keys(operand).length === 0) throw new CommandError('BadValue', '$bit needs an object with and/or/xor');
  const ops = Object.entries(operand).map(([k, v]) => {
    if (k !== 'and' && k !== 'or' && k !== 'xor') throw new CommandError('BadValue', `The $bit modifier only supports 'and', 'or', and 'xor', not '${k}'`);
    if (!isNumeric(v) || !Number.isInteger(toDouble(v)) || typeName(v) === 'decimal') throw new CommandError('BadValue', 'The $bit modifier field must be an Integer(32/64 bit)');
    return [k, v] as const;
  });
  return (current, path) => {
    const base = current === undefined ? 0 : current;
    if (!isNumeric(base) || !Number.isInteger(toDouble(base)) || typeName(base) === 'decimal') {
      throw new CommandError('BadValue', `Cannot apply $bit to a value of non-integral type. The field '${path}' is of type ${describe(base)}`);
    }
    const toBig = (v: unknown) => {
      const u = unwrapNumber(v);
      return typeof u === 'bigint' ? u : BigInt(toDouble(u));
    };
    let acc = toBig(base);
    let wide = typeName(base) === 'long';
    for (const [k, v] of ops) {
      wide ||= typeName(v) === 'long';
      const b = toBig(v);
      acc = k === 'and' ? acc & b : k === 'or' ? acc | b : acc ^ b;
    }
    acc = wide ? BigInt.asIntN(64, acc) : BigInt.asIntN(32, acc);
    if (!wide) return Number(acc);
    return typeof base === 'bigint' ? acc : Long.fromBigInt(acc);
  };
}

/** Builds the per-field modifier of an update operator for one operand; throws as mongod for bad operands. */
export function makeModifier(op: string, operand: unknown, now: Date): Modifier {
  switch (op) {
    case '$set':
    case '$setOnInsert':
      return () => cloneDocument(operand);
    case '$unset':
      return (current) => (current === undefined ? KEEP : REMOVE);
    case '$inc':
    case '$mul': {
      requireNumeric(op, operand, '');
      return (current, path) => {
        if (current === undefined) return op === '$inc' ? operand : binaryArithmetic('*', 0, operand);
        if (!isNumeric(current)) {
          throw new CommandError('TypeMismatch', `Cannot apply ${op} to a value of non-numeric type. The field '${path}' has a value of non-numeric type ${describe(current)}`);
        }
        return binaryArithmetic(op === '$inc' ? '+' : '*', current, operand);
      };
    }
    case '$min':
    case '$max':
      return (current) => {
        if (current === undefined) return cloneDocument(operand);
        const c = compareValues(operand, current);
        return (op === '$min' ? c < 0 : c > 0) ? cloneDocument(operand) : KEEP;
      };
    case '$currentDate': {
      let type = 'date';
      if (isPlainObject(operand)) {
        if (Object.keys(operand).length !== 1 || (operand.$type !== 'date' && operand.$type !== 'timestamp')) {
          throw new CommandError('BadValue', "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}");
        }
        type = operand.$type;
      } else if (typeof operand !== 'boolean') {
        throw new CommandError('BadValue', `${describe(operand)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`);
      }
      return () => (type === 'date' ? new Date(now.getTime()) : new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }));
    }
    case '$push':
      return pushModifier(operand);
    case '$addToSet':
      return addToSetModifier(operand);
    case '$pop': {
      if (!isNumeric(operand) || (toDouble(operand) !== 1 && toDouble(operand) !== -1)) {
        throw new CommandError('FailedToParse', `Expected a number in: $pop: ${String(operand)}`);
      }
      const fromEnd = toDouble(operand) === 1;
      return (current, path) => {
        const arr = requireArray(current, path);
        if (!arr || arr.length === 0) return KEEP;
        return fromEnd ? arr.slice(0, -1) : arr.slice(1);
      };
    }
    case '$pull': {
      const test = pullTest(operand);
      return (current, path) => {
        const arr = requireArray(current, path);
        if (!arr) return KEEP;
        const next = arr.filter((e) => !test(e));
        return next.length === arr.length ? KEEP : next;
      };
    }
    case '$pullAll': {
      if (!Array.isArray(operand)) throw new CommandError('BadValue', `$pullAll requires an array argument but was given a ${describe(operand)}`);
      const keys = new Set(operand.map(keyString));
      return (current, path) => {
        const arr = requireArray(current, path);
        if (!arr) return KEEP;
        const next = arr.filter((e) => !keys.has(keyString(e)));
        return next.length === arr.length ? KEEP : next;
      };
    }
    case '$bit':
      return bitModifier(operand);
    default:
      throw new CommandError('FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
}
