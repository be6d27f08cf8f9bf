import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { renderValue } from './write-errors.js';
import { ID_INDEX_SPEC, normalizeIndexSpec, sameKey, sameOptions } from './index-spec.js';
import type { SecondaryIndex } from './secondary-index.js';
import type { CreateIndexesResult, IndexSpec, Namespace } from './types.js';
import type { WriteContext } from './write-ops.js';

/** True when a spec asks for the `_id_` index itself (by name or by its key alone). */
function isIdIndex(spec: IndexSpec): boolean {
  return spec.name === '_id_' || sameKey(spec, ID_INDEX_SPEC);
}

/**
 * createIndexes as mongod answers it: existing identical specs are no-ops,
 * conflicting names or options fail (86/85), and the new indexes are built
 * all or none (a unique build over duplicates fails with 11000 and leaves
 * nothing). The collection is created when absent.
 */
export function createIndexesOn(ctx: WriteContext, ns: Namespace, rawSpecs: IndexSpec[]): CreateIndexesResult {
  if (!Array.isArray(rawSpecs) || rawSpecs.length === 0) {
    throw new CommandError('BadValue', 'Must specify at least one index to create');
  }
  const specs = rawSpecs.map(normalizeIndexSpec);
  const { coll, created } = ctx.catalog.obtain(ns, ctx.records);
  const before = coll.indexes.size + 1;
  const existing = coll.indexSpecs();
  const wanted: IndexSpec[] = [];
  for (const spec of specs) {
    if (isIdIndex(spec) && sameKey(spec, ID_INDEX_SPEC) && spec.name === '_id_') continue;
    const sameName = [...existing, ...wanted].find((e) => e.name === spec.name);
    if (sameName !== undefined) {
      if (!sameKey(sameName, spec)) {
        throw new CommandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${renderValue(spec)}, existing index: ${renderValue(sameName)}`,
        );
      }
      if (!sameOptions(sameName, spec)) {
        throw new CommandError(
          'IndexOptionsConflict',
          `An equivalent index already exists with the same name but different options. Requested index: ${renderValue(spec)}, existing index: ${renderValue(sameName)}`,
        );
      }
      continue;
    }
    const sameKeyed = [...existing, ...wanted].find((e) => sameKey(e, spec));
    if (sameKeyed !== undefined) {
      throw new CommandError(
        'IndexOptionsConflict',
        sameOptions(sameKeyed, spec)
          ? `Index already exists with a different name: ${sameKeyed.name}`
          : `An existing index has the same key pattern but different options. Requested index: ${renderValue(spec)}, existing index: ${renderValue(sameKeyed)}`,
      );
    }
    wanted.push(spec);
  }
  const built: SecondaryIndex[] = wanted.map((spec) => coll.buildIndex(spec));
  for (const index of built) {
    coll.indexes.set(index.name, index);
    ctx.records.push({ op: 'createIndex', db: ns.db, coll: ns.coll, spec: index.spec });
  }
  const result: CreateIndexesResult = {
    createdCollectionAutomatically: created,
    numIndexesBefore: before,
    numIndexesAfter: coll.indexes.size + 1,
  };
  if (built.length === 0) result.note = 'all indexes already exist';
  return result;
}

/** dropIndexes: `'*'` drops all but `_id_`, a name, names or key pattern drop those; IndexNotFound (27) / InvalidOptions (72) as mongod. */
export function dropIndexesOn(ctx: WriteContext, ns: Namespace, which: string | string[] | Document): { nIndexesWas: number } {
  const coll = ctx.catalog.get(ns);
  if (!coll) throw new CommandError('NamespaceNotFound', `ns not found ${ns.db}.${ns.coll}`);
  const nIndexesWas = coll.indexes.size + 1;
  let names: string[];
  if (which === '*') {
    names = [...coll.indexes.keys()];
  } else if (typeof which === 'string' || Array.isArray(which)) {
    names = typeof which === 'string' ? [which] : which;
    for (const name of names) {
      if (name === '_id_') throw new CommandError('InvalidOptions', 'cannot drop _id index');
      if (name === '*' && names.length > 1) throw new CommandError('BadValue', "'*' cannot be used in a list of index names");
      if (!coll.indexes.has(name)) throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
    }
  } else {
    const probe = { key: which, name: '' } as IndexSpec;
    if (sameKey(probe, ID_INDEX_SPEC)) throw new CommandError('InvalidOptions', 'cannot drop _id index');
    const found = [...coll.indexes.values()].filter((i) => sameKey(i.spec, probe));
    if (found.length === 0) throw new CommandError('IndexNotFound', `can't find index with key: ${renderValue(which)}`);
    names = found.map((i) => i.name);
  }
  for (const name of names) {
    coll.indexes.delete(name);
    ctx.records.push({ op: 'dropIndex', db: ns.db, coll: ns.coll, name });
  }
  return { nIndexesWas };
}
