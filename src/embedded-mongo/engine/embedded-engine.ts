import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { compileFastGroup, compileFilter, filterFields, runPipeline, validatePipeline } from '../query/index.js';
import { Catalog } from './catalog.js';
import { DESERIALIZE, type Collection } from './collection.js';
import { fieldPicker, omitFields } from './bson-fields.js';
import { forEachInSlices } from './cooperative.js';
import { planCandidates, planKeys } from './candidates.js';
import { Durability } from './durability.js';
import { describePlan } from './explain.js';
import { findAndModifyOne } from './find-and-modify.js';
import { createIndexesOn, dropIndexesOn } from './index-ddl.js';
import { ID_INDEX_SPEC } from './index-spec.js';
import { assertValidDbName, assertValidNamespace, assertWritableNamespace } from './namespace-rules.js';
import { countDocuments, countDocumentsInSlices, distinctInSlices, distinctOf, fieldsOfAll, findDocuments, matching } from './read-ops.js';
import { planQuery, type Plan } from './planner.js';
import { type ExamineCounters, newCounters } from './stats-counters.js';
import type {
  AggregateSpec,
  CollectionInfo,
  CreateIndexesResult,
  DatabaseInfo,
  DeleteStatement,
  Engine,
  EngineOptions,
  EngineStats,
  FindAndModifyResult,
  FindAndModifySpec,
  FindSpec,
  IndexSpec,
  Namespace,
  UpdateStatement,
  WriteResult,
} from './types.js';
import { deleteBatch, insertBatch, updateBatch, type WriteContext } from './write-ops.js';

/** Room mongod reports for a collection's files even when empty. */
const EMPTY_COLLECTION_BYTES = 4096;

/**
 * The storage engine behind the command layer: catalog, write paths with
 * index maintenance, planned reads, and (with a data directory) durable
 * writes. Every change is applied in memory synchronously, so concurrent
 * clients interleave at statement boundaries, and acknowledged only once its
 * log records are durable.
 */
export class EmbeddedEngine implements Engine {
  private readonly catalog = new Catalog();
  private readonly counters: ExamineCounters = newCounters();
  private durability: Durability | undefined;
  private closed = false;

  /** Opens an engine; with `dbPath` it recovers that directory first. */
  static async open(options: EngineOptions): Promise<EmbeddedEngine> {
    const engine = new EmbeddedEngine();
    if (options.dbPath !== undefined) engine.durability = await Durability.open(options.dbPath, engine.catalog);
    return engine;
  }

  /** Runs a synchronous change, then waits until its records are durable (also when the change failed midway). */
  private async write<T>(change: (ctx: WriteContext) => T): Promise<T> {
    if (this.closed) throw new CommandError('IllegalOperation', 'the storage engine is closed');
    const ctx: WriteContext = { catalog: this.catalog, counters: [this.counters], records: [] };
    try {
      return change(ctx);
    } finally {
      if (this.durability !== undefined) await this.durability.append(ctx.records);
    }
  }

  listDatabases(): DatabaseInfo[] {
    return this.catalog.databaseNames().map((name) => {
      const colls = this.catalog.collections(name);
      const bytes = colls.reduce((sum, c) => sum + c.store.dataBytes + EMPTY_COLLECTION_BYTES, 0);
      return { name, sizeOnDisk: bytes, empty: false };
    });
  }

  async dropDatabase(db: string): Promise<void> {
    assertValidDbName(db);
    await this.write((ctx) => this.catalog.dropDatabase(db, ctx.records));
  }

  listCollections(db: string, filter?: Document): CollectionInfo[] {
    const infos = this.catalog.collections(db).map(
      (c): CollectionInfo => ({
        name: c.name,
        type: 'collection',
        options: c.options,
        info: { readOnly: false, uuid: c.uuid },
        idIndex: ID_INDEX_SPEC,
      }),
    );
    if (filter === undefined || Object.keys(filter).length === 0) return infos;
    const test = compileFilter(filter);
    return infos.filter((info) => test(info as unknown as Document));
  }

  async createCollection(ns: Namespace, options: Document): Promise<void> {
    assertWritableNamespace(ns);
    await this.write((ctx) => {
      if (this.catalog.get(ns)) throw new CommandError('NamespaceExists', `Collection ${ns.db}.${ns.coll} already exists.`);
      this.catalog.create(ns, options, ctx.records);
    });
  }

  async dropCollection(ns: Namespace): Promise<boolean> {
    assertValidNamespace(ns);
    return this.write((ctx) => this.catalog.drop(ns, ctx.records));
  }

  insert(ns: Namespace, docs: Document[], ordered: boolean): Promise<WriteResult> {
    return this.write((ctx) => insertBatch(ctx, ns, docs, ordered));
  }

  update(ns: Namespace, statements: UpdateStatement[], ordered: boolean): Promise<WriteResult> {
    return this.write((ctx) => updateBatch(ctx, ns, statements, ordered));
  }

  delete(ns: Namespace, statements: DeleteStatement[], ordered: boolean): Promise<WriteResult> {
    return this.write((ctx) => deleteBatch(ctx, ns, statements, ordered));
  }

  findAndModify(ns: Namespace, spec: FindAndModifySpec): Promise<FindAndModifyResult> {
    return this.write((ctx) => findAndModifyOne(ctx, ns, spec));
  }

  find(ns: Namespace, spec: FindSpec): Iterator<Document> {
    assertValidNamespace(ns);
    return findDocuments(this.catalog.get(ns), spec, [this.counters]).docs;
  }

  /** The plan of a find; its `executionStats` run the query only when read (a queryPlanner-only explain costs nothing). */
  explainFind(ns: Namespace, spec: FindSpec): Document {
    assertValidNamespace(ns);
    const coll = this.catalog.get(ns);
    const { plan } = findDocuments(coll, spec, []);
    const explain: Document = {
      queryPlanner: {
        namespace: `${ns.db}.${ns.coll}`,
        parsedQuery: spec.filter ?? {},
        winningPlan: describePlan(plan),
        rejectedPlans: [],
      },
    };
    let stats: Document | undefined;
    Object.defineProperty(explain, 'executionStats', {
      enumerable: true,
      get: () => {
        if (stats === undefined) {
          const local = newCounters();
          const { docs } = findDocuments(this.catalog.get(ns), spec, [this.counters, local]);
          let nReturned = 0;
          for (let r = docs.next(); !r.done; r = docs.next()) nReturned++;
          stats = { executionSuccess: true, nReturned, totalKeysExamined: local.keysExamined, totalDocsExamined: local.docsExamined };
        }
        return stats;
      },
    });
    return explain;
  }

  aggregate(ns: { db: string; coll: string | null }, spec: AggregateSpec): Iterator<Document> {
    const { input, pipeline, context } = this.aggregateInput(ns, spec);
    return runPipeline(input, pipeline, context);
  }

  /**
   * aggregate, with the input of the first stage that consumes everything
   * before answering read in slices (see cooperative.ts). A `$group` the
   * fast evaluator covers folds the stream as it comes; another blocking
   * stage gets the streamed prefix materialized first; a pipeline without
   * one streams through getMore as aggregate does.
   */
  async aggregateAsync(ns: { db: string; coll: string | null }, spec: AggregateSpec): Promise<Iterator<Document>> {
    const { input, pipeline, context, scan, planned } = this.aggregateInput(ns, spec);
    validatePipeline(pipeline);
    const at = pipeline.findIndex((stage) => BLOCKING_STAGES.has(Object.keys(stage)[0]!));
    if (at < 0) return runPipeline(input, pipeline, context);
    const prefix = pipeline.slice(0, at);
    const rest = pipeline.slice(at + 1);
    const group = '$group' in pipeline[at]! ? compileFastGroup(pipeline[at]!.$group, spec.let) : undefined;
    if (group === undefined) {
      const docs: Document[] = [];
      await forEachInSlices(runPipeline(input, prefix, context), (doc) => void docs.push(doc));
      return runPipeline(docs, pipeline.slice(at), context);
    }
    if (scan !== undefined && prefix.every((stage) => isEmptyMatch(stage)) && group.countOnly) {
      // countDocuments({}) sends this shape; the answer is the record count, as for count with no query.
      return runPipeline(group.resultForCount(scan.coll?.store.size ?? 0), rest, context);
    }
    const counted = group.countOnly && ns.coll !== null && spec.hint === undefined && spec.let === undefined ? countableMatch(prefix) : undefined;
    if (counted !== undefined) {
      // countDocuments(filter) sends $match then a counting $group: counted as the count command counts, from index postings where they prove the filter.
      const n = await countDocumentsInSlices(this.catalog.get({ db: ns.db, coll: ns.coll! }), counted, [this.counters]);
      return runPipeline(group.resultForCount(n), rest, context);
    }
    const run = group.start();
    // A scan, or an index read, then need decode only the fields the group and a leading filter read: decoding is most of its cost.
    const fields = planned === undefined ? undefined : fieldsRead(prefix, group.fields);
    const narrowed = fields === undefined ? input : scan !== undefined ? fieldsOfAll(scan.coll, fields, [this.counters]) : planDocsDecoded(planned!.coll, planned!.plan, fieldPicker(fields, DESERIALIZE), [this.counters]);
    const source = runPipeline(narrowed, prefix, context);
    await forEachInSlices(source, (doc) => run.add(doc));
    return runPipeline(run.result(), rest, context);
  }

  /** The documents a collection aggregate starts from (narrowed through an index by a leading $match/$sort) and the stages left to run. */
  private aggregateInput(
    ns: { db: string; coll: string | null },
    spec: AggregateSpec,
  ): { input: Iterable<Document>; pipeline: Document[]; context: PipelineContext; scan?: { coll: Collection | undefined }; planned?: { coll: Collection; plan: Plan } } {
    assertValidDbName(ns.db);
    const pipeline = [...spec.pipeline];
    const context: PipelineContext = {
      resolveCollection: (name: string): Iterable<Document> => {
        const coll = this.catalog.get({ db: ns.db, coll: name });
        return (function* () {
          if (coll) for (const key of coll.store.keys()) yield coll.store.get(key)!;
        })();
      },
      findEqual: (name: string, field: string, values: unknown[]): Document[] | undefined => {
        const coll = this.catalog.get({ db: ns.db, coll: name });
        if (coll === undefined) return [];
        const { plan, matches } = matching(coll, { [field]: { $in: values } }, [this.counters]);
        // Only an index makes a per-document lookup cheaper than one pass over the collection.
        if (plan.stage === 'COLLSCAN') return undefined;
        return Array.from(matches, (c) => c.doc);
      },
      ...(spec.let ? { variables: spec.let } : {}),
    };
    if (ns.coll === null) {
      const first = pipeline[0];
      if (first === undefined || !('$documents' in first)) {
        const stage = first === undefined ? 'an empty pipeline' : `'${Object.keys(first)[0]}'`;
        throw new CommandError('InvalidNamespace', `{aggregate: 1} is not valid for ${stage}; a collection is required.`);
      }
      const docs = first.$documents as unknown;
      if (!Array.isArray(docs)) throw new CommandError('TypeMismatch', '$documents must evaluate to an array of documents');
      return { input: docs as Document[], pipeline: pipeline.slice(1), context };
    }
    const target = { db: ns.db, coll: ns.coll };
    assertValidNamespace(target);
    const coll = this.catalog.get(target);
    let at = 0;
    const match = pipeline[0]?.$match as Document | undefined;
    if (match !== undefined) at = 1;
    const sort = pipeline[at]?.$sort as Document | undefined;
    const afterSort = sort !== undefined ? at + 1 : at;
    const plan = planQuery(coll, match, sort, spec.hint);
    const omitted = fieldsProjectedAway(pipeline, { ...match, ...sort }, afterSort);
    if (sort !== undefined && plan.stage === 'IXSCAN' && plan.providesSort) pipeline.splice(at, 1);
    const scan = plan.stage === 'COLLSCAN' && !plan.reverse ? { coll } : undefined;
    const input = omitted.length > 0 && coll !== undefined ? planDocsDecoded(coll, plan, (bytes) => omitFields(bytes, omitted, DESERIALIZE), [this.counters]) : planCandidatesDocs(coll, plan, [this.counters]);
    return { input, pipeline, context, ...(scan ? { scan } : {}), ...(coll !== undefined ? { planned: { coll, plan } } : {}) };
  }

  count(ns: Namespace, filter: Document, skip?: number, limit?: number): number {
    assertValidNamespace(ns);
    return countDocuments(this.catalog.get(ns), filter ?? {}, [this.counters], skip, limit);
  }

  countAsync(ns: Namespace, filter: Document, skip?: number, limit?: number): Promise<number> {
    assertValidNamespace(ns);
    return countDocumentsInSlices(this.catalog.get(ns), filter ?? {}, [this.counters], skip, limit);
  }

  distinct(ns: Namespace, key: string, filter: Document): unknown[] {
    assertValidNamespace(ns);
    return distinctOf(this.catalog.get(ns), key, filter ?? {}, [this.counters]);
  }

  distinctAsync(ns: Namespace, key: string, filter: Document): Promise<unknown[]> {
    assertValidNamespace(ns);
    return distinctInSlices(this.catalog.get(ns), key, filter ?? {}, [this.counters]);
  }

  createIndexes(ns: Namespace, specs: IndexSpec[]): Promise<CreateIndexesResult> {
    assertWritableNamespace(ns);
    return this.write((ctx) => createIndexesOn(ctx, ns, specs));
  }

  listIndexes(ns: Namespace): IndexSpec[] {
    assertValidNamespace(ns);
    const coll = this.catalog.get(ns);
    if (!coll) throw new CommandError('NamespaceNotFound', `ns does not exist: ${ns.db}.${ns.coll}`);
    return coll.indexSpecs();
  }

  dropIndexes(ns: Namespace, which: string | string[] | Document): Promise<{ nIndexesWas: number }> {
    assertValidNamespace(ns);
    return this.write((ctx) => dropIndexesOn(ctx, ns, which));
  }

  stats(): EngineStats {
    const colls = this.catalog.allCollections();
    return {
      databases: this.catalog.databaseNames().length,
      collections: colls.length,
      documents: colls.reduce((n, c) => n + c.store.size, 0),
      dataBytes: colls.reduce((n, c) => n + c.store.dataBytes, 0),
      journalBytes: this.durability?.bytesOnDisk ?? 0,
      documentsExamined: this.counters.docsExamined,
      keysExamined: this.counters.keysExamined,
    };
  }

  /** Snapshots the data directory now (compaction otherwise starts by itself as the journal grows); no-op in memory. */
  async compact(): Promise<void> {
    await this.durability?.compact();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.durability?.close();
  }
}

/** Stages that read their whole input before emitting anything. */
const BLOCKING_STAGES = new Set(['$group', '$sort', '$sortByCount', '$bucket', '$bucketAuto', '$count', '$facet', '$setWindowFields', '$sample', '$densify', '$fill']);

type PipelineContext = Parameters<typeof runPipeline>[2];

function isPlainDocument(v: unknown): v is Document {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function isEmptyMatch(stage: Document): boolean {
  const keys = Object.keys(stage);
  const match: unknown = stage.$match;
  return keys.length === 1 && keys[0] === '$match' && isPlainDocument(match) && Object.keys(match).length === 0;
}

/** The top-level fields `prefix` (nothing or one $match) and then `fields` read, or undefined when not known. */
function fieldsRead(prefix: Document[], fields: string[] | undefined): string[] | undefined {
  if (fields === undefined) return undefined;
  if (prefix.length === 0) return fields;
  const match: unknown = prefix[0]!.$match;
  if (prefix.length > 1 || Object.keys(prefix[0]!).length !== 1 || !isPlainDocument(match)) return undefined;
  const read = filterFields(match);
  return read === undefined ? undefined : [...new Set([...read, ...fields])];
}

/**
 * Top-level fields that an exclusion `$project` drops before any stage reads
 * them: only `$limit`/`$skip` may come between the leading `$match`/`$sort`
 * (ending at `from`) and the projection, and neither the `$match` nor the
 * `$sort` (`reads`, their fields merged) may read them. Such fields need not
 * be decoded at all.
 */
function fieldsProjectedAway(pipeline: Document[], reads: Document, from: number): string[] {
  let at = from;
  while (at < pipeline.length && ('$limit' in pipeline[at]! || '$skip' in pipeline[at]!)) at++;
  const project = pipeline[at]?.$project as Document | undefined;
  if (!isPlainDocument(project)) return [];
  const names = Object.keys(project);
  if (names.length === 0 || !names.every((name) => name !== '_id' && !name.includes('.') && !name.startsWith('$') && (project[name] === 0 || project[name] === false))) return [];
  const read = filterFields(reads);
  // A filter whose fields cannot be listed (e.g. $expr, $where) may read anything.
  if (read === undefined || names.some((name) => read.includes(name))) return [];
  return names;
}

/** The filter of a prefix that is one plain `$match` whose fields can be listed (no `$expr`, whose variables a count would not see), else undefined. */
function countableMatch(prefix: Document[]): Document | undefined {
  if (prefix.length !== 1 || Object.keys(prefix[0]!).length !== 1) return undefined;
  const match: unknown = prefix[0]!.$match;
  return isPlainDocument(match) && filterFields(match) !== undefined ? match : undefined;
}

/** The documents a plan reaches, each decoded by `decode` from its stored bytes (e.g. only some fields) and counted as examined. */
function* planDocsDecoded(coll: Collection, plan: Plan, decode: (bytes: Uint8Array) => Document, counters: ExamineCounters[]): Generator<Document> {
  for (const key of planKeys(coll, plan, counters)) {
    const bytes = coll.store.getBytes(key);
    if (bytes === undefined) continue;
    for (const c of counters) c.docsExamined++;
    yield decode(bytes);
  }
}

function* planCandidatesDocs(...args: Parameters<typeof planCandidates>): Generator<Document> {
  for (const c of planCandidates(...args)) yield c.doc;
}

/** Opens the engine (recovering `dbPath` when given). */
export function createEngine(options: EngineOptions): Promise<Engine> {
  return EmbeddedEngine.open(options);
}
