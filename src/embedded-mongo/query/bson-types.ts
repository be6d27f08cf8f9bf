/**
 * Classification of deserialized BSON values into mongod's canonical type
 * ranks (the first key of its total order) and into `$type` names.
 */

export const Rank = {
  MinKey: 0,
  Null: 5,
  Number: 10,
  String: 15,
  Object: 20,
  Array: 25,
  BinData: 30,
  ObjectId: 35,
  Boolean: 40,
  Date: 45,
  Timestamp: 47,
  RegExp: 50,
  DBRef: 55,
  Code: 60,
  MaxKey: 127,
} as const;

/** The bson class name of a value (`'ObjectId'`, `'Decimal128'`, …) or undefined for plain JS values. */
export function bsonTag(v: object): string | undefined {
  const tag = (v as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** mongod's canonical type rank of a value: values of different ranks compare by rank alone. */
export function typeRank(v: unknown): number {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return Rank.Number;
    case 'string':
      return Rank.String;
    case 'boolean':
      return Rank.Boolean;
    case 'undefined':
      return Rank.Null;
    case 'object':
      break;
    default:
      return Rank.Object;
  }
  if (v === null) return Rank.Null;
  if (Array.isArray(v)) return Rank.Array;
  if (v instanceof Date) return Rank.Date;
  if (v instanceof RegExp) return Rank.RegExp;
  const tag = bsonTag(v);
  if (tag === undefined) return ArrayBuffer.isView(v) ? Rank.BinData : Rank.Object;
  switch (tag) {
    case 'ObjectId':
      return Rank.ObjectId;
    case 'Decimal128':
    case 'Long':
    case 'Int32':
    case 'Double':
      return Rank.Number;
    case 'Binary':
      return Rank.BinData;
    case 'Timestamp':
      return Rank.Timestamp;
    case 'MinKey':
      return Rank.MinKey;
    case 'MaxKey':
      return Rank.MaxKey;
    case 'BSONRegExp':
      return Rank.RegExp;
    case 'BSONSymbol':
      return Rank.String;
    case 'Code':
      return Rank.Code;
    default:
      return Rank.Object;
  }
}

/** The `$type` alias of a value as mongod names it (`'double'`, `'int'`, `'long'`, `'objectId'`, `'missing'` for undefined …). */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && (v as number) >= -2147483648 && (v as number) <= 2147483647 && !Object.is(v, -0)
        ? 'int'
        : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'undefined':
      return 'missing';
    case 'object':
      break;
    default:
      return 'object';
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const tag = bsonTag(v);
  if (tag === undefined) return ArrayBuffer.isView(v) ? 'binData' : 'object';
  switch (tag) {
    case 'ObjectId':
      return 'objectId';
    case 'Decimal128':
      return 'decimal';
    case 'Long':
      return 'long';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Binary':
      return 'binData';
    case 'Timestamp':
      return 'timestamp';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'BSONRegExp':
      return 'regex';
    case 'BSONSymbol':
      return 'symbol';
    case 'Code':
      return 'javascript';
    case 'DBRef':
      return 'object';
    default:
      return 'object';
  }
}

/** True for plain documents (not arrays, dates, regexes or bson class instances). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
