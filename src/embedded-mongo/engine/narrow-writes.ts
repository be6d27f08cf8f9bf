/**
 * Updates and deletes that decode a stored document only as far as they
 * must. A write by `_id` used to spend most of its time decoding the whole
 * stored document and encoding it again, when its filter, the index entries
 * and the update read a few fields. A statement is narrowed when every path
 * it may read is known: the filter's paths (a guard on `effect.ledger._id`
 * decodes that path alone), the indexes' paths, and (for an operator
 * update) the top-level fields its paths start with, decoded whole. The
 * update then runs on those fields alone, with the same code and the same
 * errors as on the whole document, and the new bytes are the stored ones
 * with those fields replaced: the fields it does not touch keep their bytes
 * exactly, as mongod keeps them. A replacement needs only the filter's and
 * the indexes' paths of the stored document.
 */
import type { Document } from 'bson';
import { filterPaths, isReplacement } from '../query/index.js';
import { fieldPicker } from './bson-fields.js';
import { type Collection, DESERIALIZE } from './collection.js';
import type { UpdateStatement } from './types.js';

/**
 * Top-level names a JavaScript object orders before all others, which the
 * whole-document path would move: such updates are not narrowed.
 */
const INTEGER_NAME = /^\d+$/;

/** How a narrowed statement reads its candidates, and which top-level fields its result replaces. */
export interface NarrowWrite {
  /** Decodes a stored document down to the fields the statement reads. */
  decode: (bytes: Uint8Array) => Document;
  /** The fields an operator update sets or removes (spliced into the stored bytes); undefined for a replacement or a delete. */
  touched?: ReadonlySet<string>;
}

/** The first names of the paths an operator update writes, or undefined when one may be any field (or its form is for the whole path to refuse). */
function touchedFields(update: Document): Set<string> | undefined {
  const touched = new Set<string>();
  const add = (path: unknown): boolean => {
    if (typeof path !== 'string') return false;
    const first = path.split('.')[0]!;
    if (first === '' || first === '_id' || first.startsWith('$') || INTEGER_NAME.test(first)) return false;
    touched.add(first);
    return true;
  };
  for (const [op, fields] of Object.entries(update)) {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
    for (const [path, operand] of Object.entries(fields as Document)) {
      if (!add(path)) return undefined;
      if (op === '$rename' && !add(operand)) return undefined;
    }
  }
  return touched;
}

function narrowing(filter: Document, indexed: readonly string[] | undefined, more: Iterable<string> = []): ((bytes: Uint8Array) => Document) | undefined {
  const read = filterPaths(filter);
  if (read === undefined || indexed === undefined) return undefined;
  return fieldPicker(['_id', ...read, ...indexed, ...more], DESERIALIZE);
}

/** How to narrow an update statement on a collection whose indexes read the paths `indexed`, or undefined to use whole documents. */
export function narrowUpdate(statement: UpdateStatement, indexed: readonly string[] | undefined): NarrowWrite | undefined {
  if (Array.isArray(statement.u)) return undefined;
  if (isReplacement(statement.u)) {
    // A replacement keeps only `_id` of the stored document.
    const decode = narrowing(statement.q, indexed);
    return decode === undefined ? undefined : { decode };
  }
  const touched = touchedFields(statement.u);
  if (touched === undefined) return undefined;
  const decode = narrowing(statement.q, indexed, touched);
  return decode === undefined ? undefined : { decode, touched };
}

/** How to narrow a delete's matching on `coll`: its filter and index entries need only their fields. */
export function narrowDelete(filter: Document, coll: Collection | undefined): NarrowWrite | undefined {
  const decode = coll === undefined ? undefined : narrowing(filter, coll.indexedPaths());
  return decode === undefined ? undefined : { decode };
}
