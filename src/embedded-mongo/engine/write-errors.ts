import { Binary, type Document, ObjectId, Decimal128, Long, Timestamp, BSONRegExp, Int32, Double, UUID } from 'bson';
import { CommandError } from '../errors.js';
import type { WriteError } from './types.js';

/** A CommandError carrying a mongod code that the shared code table does not list. */
export function errorWithCode(code: number, codeName: string, message: string): CommandError {
  const error = new CommandError('BadValue', message);
  Object.defineProperty(error, 'code', { value: code });
  Object.defineProperty(error, 'codeName', { value: codeName });
  return error;
}

/** mongod's shell-like rendering of a value inside an error message, e.g. `"x"`, `ObjectId('…')`. */
export function renderValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof UUID) return `UUID("${value.toHexString(true)}")`;
  if (value instanceof Binary) return `BinData(${value.sub_type}, ${Buffer.from(value.buffer).toString('hex').toUpperCase()})`;
  if (value instanceof Decimal128) return `${value.toString()}`;
  if (value instanceof Long) return value.toString();
  if (value instanceof Int32 || value instanceof Double) return String(value.valueOf());
  if (value instanceof Timestamp) return `Timestamp(${value.high}, ${value.low})`;
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof BSONRegExp) return `/${value.pattern}/${value.options}`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(renderValue).join(', ')} ]`;
  if (typeof value === 'object') {
    const tag = (value as { _bsontype?: string })._bsontype;
    if (tag === 'MinKey') return 'MinKey';
    if (tag === 'MaxKey') return 'MaxKey';
    const entries = Object.entries(value as Document);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${k}: ${renderValue(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** The DuplicateKey (11000) failure mongod raises for a unique index, with keyPattern/keyValue. */
export function duplicateKeyError(ns: string, indexName: string, keyPattern: Document, keyValue: Document): CommandError {
  const rendered = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${renderValue(v)}`)
    .join(', ');
  return new CommandError('DuplicateKey', `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${rendered} }`, {
    keyPattern,
    keyValue,
  });
}

/** Converts a CommandError raised by one write statement into that statement's `writeErrors` entry. */
export function toWriteError(index: number, error: CommandError): WriteError {
  const entry: WriteError = { index, code: error.code, codeName: error.codeName, errmsg: error.message };
  const { keyPattern, keyValue } = error.extra as { keyPattern?: Document; keyValue?: Document };
  if (keyPattern !== undefined) entry.keyPattern = keyPattern;
  if (keyValue !== undefined) entry.keyValue = keyValue;
  return entry;
}
