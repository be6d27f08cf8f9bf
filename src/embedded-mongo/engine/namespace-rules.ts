import { CommandError } from '../errors.js';
import type { Namespace } from './types.js';

const FORBIDDEN_DB_CHARS = /[/\\. "$\0]/;

/** Throws InvalidNamespace (73) unless `db` is a name mongod accepts for a database. */
export function assertValidDbName(db: string): void {
  if (typeof db !== 'string' || db.length === 0 || db.length >= 64 || FORBIDDEN_DB_CHARS.test(db)) {
    throw new CommandError('InvalidNamespace', `Invalid database name: '${String(db)}'`);
  }
}

/** Throws InvalidNamespace (73) unless `ns` names a collection mongod accepts (any purpose, reads included). */
export function assertValidNamespace(ns: Namespace): void {
  assertValidDbName(ns.db);
  const coll = ns.coll;
  if (typeof coll !== 'string' || coll.length === 0 || coll.includes('\0') || coll.startsWith('.')) {
    throw new CommandError('InvalidNamespace', `Invalid namespace specified '${ns.db}.${String(coll)}'`);
  }
  if (coll.includes('$')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${coll}`);
  }
}

/** Throws InvalidNamespace (73) unless `ns` is valid and may be written by clients (`system.*` may not). */
export function assertWritableNamespace(ns: Namespace): void {
  assertValidNamespace(ns);
  if (ns.coll.startsWith('system.')) {
    throw new CommandError('InvalidNamespace', `cannot write to '${ns.db}.${ns.coll}'`);
  }
}
