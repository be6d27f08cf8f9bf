import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { applyUpdate, compileProjection, compileSort } from '../query/index.js';
import type { Candidate } from './candidates.js';
import { assertWritableNamespace } from './namespace-rules.js';
import { matching, sortTop } from './read-ops.js';
import type { FindAndModifyResult, FindAndModifySpec, Namespace } from './types.js';
import { insertOne, removeOne, replaceOne, upsertDocument, type WriteContext } from './write-ops.js';

function isEmpty(doc: Document | undefined): boolean {
  return doc === undefined || Object.keys(doc).length === 0;
}

function validate(spec: FindAndModifySpec): void {
  if (spec.remove && spec.update !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!spec.remove && spec.update === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  if (spec.remove && spec.upsert) {
    throw new CommandError('FailedToParse', 'Cannot specify both upsert=true and remove=true ');
  }
  if (spec.remove && spec.new) {
    throw new CommandError('FailedToParse', "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  }
}

/** findAndModify as mongod runs it: the first match in `sort` order is removed or updated (or one is upserted), returning the document before or after. */
export function findAndModifyOne(ctx: WriteContext, ns: Namespace, spec: FindAndModifySpec): FindAndModifyResult {
  assertWritableNamespace(ns);
  validate(spec);
  const query = spec.query ?? {};
  const project = isEmpty(spec.fields) ? (d: Document) => d : compileProjection(spec.fields!, query);
  const sortCompare = isEmpty(spec.sort) ? undefined : compileSort(spec.sort!);
  const coll = ctx.catalog.get(ns);
  const { plan, matches } = matching(coll, query, ctx.counters, spec.sort ? { sort: spec.sort } : {});
  let target: Candidate | undefined;
  if (sortCompare !== undefined && !(plan.stage === 'IXSCAN' && plan.providesSort)) {
    target = sortTop(matches, (a, b) => sortCompare(a.doc, b.doc), 1)[0];
  } else {
    target = matches.next().value ?? undefined;
  }
  if (spec.remove) {
    if (target === undefined) return { value: null, lastErrorObject: { n: 0 } };
    removeOne(ctx, coll!, target.key, target.doc);
    return { value: project(target.doc), lastErrorObject: { n: 1 } };
  }
  const update = spec.update!;
  const updateOptions = { query, ...(spec.arrayFilters ? { arrayFilters: spec.arrayFilters } : {}) };
  if (target === undefined) {
    if (!spec.upsert) return { value: null, lastErrorObject: { n: 0, updatedExisting: false } };
    const doc = upsertDocument(query, update, spec.arrayFilters);
    insertOne(ctx, ctx.catalog.obtain(ns, ctx.records).coll, doc);
    return {
      value: spec.new ? project(doc) : null,
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
    };
  }
  const { doc: next, modified } = applyUpdate(target.doc, update, updateOptions);
  if (modified) replaceOne(ctx, coll!, target.key, target.doc, next);
  const after = modified ? coll!.store.get(target.key)! : target.doc;
  return { value: project(spec.new ? after : target.doc), lastErrorObject: { n: 1, updatedExisting: true } };
}
