import type { Document } from 'bson';
import type { LogRecord } from '../storage/index.js';
import { Collection } from './collection.js';
import { assertValidNamespace } from './namespace-rules.js';
import type { Namespace } from './types.js';
import { errorWithCode } from './write-errors.js';

/**
 * Databases and their collections. A database exists while it holds a
 * collection (as in mongod, where an empty database is not listed). Every
 * change it makes appends the log record that replays it to `records`.
 */
export class Catalog {
  private readonly dbs = new Map<string, Map<string, Collection>>();

  get(ns: Namespace): Collection | undefined {
    return this.dbs.get(ns.db)?.get(ns.coll);
  }

  databaseNames(): string[] {
    return [...this.dbs.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  allCollections(): Collection[] {
    return [...this.dbs.values()].flatMap((colls) => [...colls.values()]);
  }

  /** The collection, created (and journaled) when absent; `created` says which. */
  obtain(ns: Namespace, records: LogRecord[]): { coll: Collection; created: boolean } {
    const existing = this.get(ns);
    if (existing) return { coll: existing, created: false };
    return { coll: this.create(ns, {}, records), created: true };
  }

  /** Creates a collection that must not exist yet. */
  create(ns: Namespace, options: Document, records: LogRecord[]): Collection {
    assertValidNamespace(ns);
    if (!this.dbs.has(ns.db)) {
      const lower = ns.db.toLowerCase();
      const other = [...this.dbs.keys()].find((name) => name.toLowerCase() === lower);
      // mongod keeps database names unique regardless of case (they map to directories).
      if (other !== undefined) {
        throw errorWithCode(13297, 'DatabaseDifferCase', `db already exists with different case already have: [${other}] trying to create [${ns.db}]`);
      }
    }
    const coll = new Collection(ns.db, ns.coll, options);
    let colls = this.dbs.get(ns.db);
    if (!colls) {
      colls = new Map();
      this.dbs.set(ns.db, colls);
    }
    colls.set(ns.coll, coll);
    records.push({ op: 'createCollection', db: ns.db, coll: ns.coll, options });
    return coll;
  }

  /** Removes a collection; false when there was none. */
  drop(ns: Namespace, records: LogRecord[]): boolean {
    const colls = this.dbs.get(ns.db);
    if (!colls?.delete(ns.coll)) return false;
    if (colls.size === 0) this.dbs.delete(ns.db);
    records.push({ op: 'dropCollection', db: ns.db, coll: ns.coll });
    return true;
  }

  /** Removes a database and all its collections; false when it did not exist. */
  dropDatabase(db: string, records: LogRecord[]): boolean {
    if (!this.dbs.delete(db)) return false;
    records.push({ op: 'dropDatabase', db });
    return true;
  }
}
