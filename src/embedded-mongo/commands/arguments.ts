/**
 * Reading a command document's own fields with mongod's checks and messages
 * ("BSON field 'find.filter' is the wrong type 'string', expected type
 * 'object'"), so a malformed command fails as it would on mongod.
 */
import { Decimal128, Double, Int32, Long, type Document } from 'bson';
import { CommandError } from '../errors.js';
import type { Namespace } from '../engine/types.js';

/** The BSON type alias (`$type` name) of a decoded value. */
export function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 ? 'int' : 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    case 'object':
      break;
    default:
      return typeof value;
  }
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const bsontype = (value as { _bsontype?: string })._bsontype;
  switch (bsontype) {
    case undefined:
      return 'object';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Binary':
      return 'binData';
    case 'BSONRegExp':
      return 'regex';
    case 'Code':
      return 'javascript';
    default:
      return bsontype.charAt(0).toLowerCase() + bsontype.slice(1);
  }
}

function wrongType(command: string, field: string, value: unknown, expected: string): CommandError {
  return new CommandError('TypeMismatch', `BSON field '${command}.${field}' is the wrong type '${bsonTypeName(value)}', expected type '${expected}'`);
}

/** True for every numeric BSON value (number, bigint, Int32, Double, Long, Decimal128). */
export function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof Int32 || value instanceof Double || value instanceof Long || value instanceof Decimal128;
}

/** A numeric BSON value as a JS number (Decimal128 and Long possibly rounded). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Int32 || value instanceof Double) return value.valueOf();
  if (value instanceof Decimal128) return Number(value.toString());
  return Number.NaN;
}

/** Reads an optional sub-document field; throws TypeMismatch (14) when present with another type. */
export function optionalDocument(body: Document, command: string, field: string): Document | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || bsonTypeName(value) !== 'object') throw wrongType(command, field, value, 'object');
  return value as Document;
}

/** Reads an optional array field; throws TypeMismatch (14) when present with another type. */
export function optionalArray(body: Document, command: string, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(command, field, value, 'array');
  return value;
}

/** Reads a required array field whose items must all be documents. */
export function requiredDocuments(body: Document, command: string, field: string): Document[] {
  const value = body[field];
  if (value === undefined) throw new CommandError('NoSuchKey', `BSON field '${command}.${field}' is missing but a required field`);
  if (!Array.isArray(value)) throw wrongType(command, field, value, 'array');
  value.forEach((item, i) => {
    if (bsonTypeName(item) !== 'object') throw wrongType(command, `${field}.${i}`, item, 'object');
  });
  return value as Document[];
}

/** Reads an optional boolean (numbers count as booleans, as mongod's parser allows). */
export function optionalBoolean(body: Document, command: string, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (isNumeric(value)) return toNumber(value) !== 0;
  throw wrongType(command, field, value, 'bool');
}

/** Reads an optional integer; `min` bounds it below with mongod's 51024 message. */
export function optionalInteger(body: Document, command: string, field: string, min?: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isNumeric(value)) throw wrongType(command, field, value, 'long');
  const n = Math.trunc(toNumber(value));
  if (!Number.isFinite(n)) throw new CommandError('BadValue', `BSON field '${command}.${field}' must be a finite number`);
  if (min !== undefined && n < min) throw new CommandError('Location51024', `BSON field '${field}' value must be >= ${min}, actual value '${n}'`);
  return n;
}

/** Reads an optional string field. */
export function optionalString(body: Document, command: string, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(command, field, value, 'string');
  return value;
}

/** A `hint` as the engine takes it: an index name or a key pattern. */
export function optionalHint(body: Document, command: string): Document | string | undefined {
  const value = body.hint;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (bsonTypeName(value) === 'object') return value as Document;
  throw new CommandError('FailedToParse', `BSON field '${command}.hint' is the wrong type '${bsonTypeName(value)}', expected types '[string, object]'`);
}

/** The namespace a collection-level command names in its first field; throws InvalidNamespace (73) when the name is not a usable collection name. */
export function collectionNamespace(body: Document, command: string, db: string): Namespace {
  const coll = body[command];
  if (typeof coll !== 'string') {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${bsonTypeName(coll)}`);
  }
  if (coll.length === 0) throw new CommandError('InvalidNamespace', `Invalid namespace specified '${db}.'`);
  return { db, coll };
}

/** `db.coll` as mongod prints a namespace. */
export function nsString(ns: Namespace): string {
  return `${ns.db}.${ns.coll}`;
}
