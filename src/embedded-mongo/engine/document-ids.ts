import { type Document, ObjectId } from 'bson';
import { CommandError } from '../errors.js';
import { valuesEqual } from '../query/index.js';

/** Throws InvalidIdField (53) for `_id` values mongod refuses to store. */
export function assertValidId(id: unknown): void {
  if (Array.isArray(id)) throw new CommandError('InvalidIdField', "can't use an array for _id");
  if (id instanceof RegExp || (typeof id === 'object' && id !== null && (id as { _bsontype?: unknown })._bsontype === 'BSONRegExp')) {
    throw new CommandError('InvalidIdField', "can't use a regex for _id");
  }
  if (id === undefined) throw new CommandError('InvalidIdField', "can't use a undefined for _id");
}

/** `doc` with a valid `_id` as its first field: an existing one moved first, or a new ObjectId. Never mutates `doc`. */
export function withIdFirst(doc: Document): Document {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new CommandError('TypeMismatch', 'document to insert must be an object');
  }
  if (!Object.prototype.hasOwnProperty.call(doc, '_id') || doc._id === undefined) {
    return { _id: new ObjectId(), ...doc };
  }
  assertValidId(doc._id);
  for (const k in doc) {
    if (k === '_id') return doc;
    break;
  }
  return { _id: doc._id, ...doc };
}

/** Throws ImmutableField (66) when an update changed `_id`; returns `after` with `_id` first (the original one when `after` has none, as a replacement without `_id` keeps it). */
export function keepId(before: Document, after: Document): Document {
  if (!Object.prototype.hasOwnProperty.call(after, '_id') || after._id === undefined) {
    return { _id: before._id, ...after };
  }
  if (!valuesEqual(before._id, after._id)) {
    throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return withIdFirst(after);
}
