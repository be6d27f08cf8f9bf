/**
 * Aggregations across the stores: each store holding the kind runs the
 * pipeline on its own records and returns partial groups; the gateway
 * merges them exactly and, for the organization level, re-groups the
 * organizations' partial groups by the office store's hierarchy. A store
 * that does not answer is reported, never silently left out of a total.
 * With a cache (`analytics-cache.ts`), the merged groups of a question asked
 * before are answered without the stores until a change of its kind.
 */
import type { Db, Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import { SourceUnavailableError } from '../errors.js';
import type { Stores } from '../index.js';
import type { StoreName } from '../store-name.js';
import { AnalyticsCache, type AnalyticsCacheSettings } from './analytics-cache.js';
import { aggregationPipeline, storedDimensions } from './aggregation-pipeline.js';
import { KIND_DEFINITIONS } from './analytics-kinds.js';
import type { AggregateGroup, AggregationRequest } from './analytics-request.js';
import { decodeGroup, mergeGroups } from './partial-groups.js';
import { readWithinTimeLimit } from './store-time-limit.js';

/** Most groups one aggregation may produce in a store (and after merging). */
export const MAX_GROUPS = 50_000;

/** Default time limit of one store's aggregation, in ms. */
export const DEFAULT_TIME_LIMIT_MS = 15_000;

/** An aggregation would produce more groups than the gateway returns; `limit` is the cap. */
export class TooManyGroupsError extends Error {
  readonly code = 'AGGREGATION_TOO_LARGE';
  readonly limit = MAX_GROUPS;

  constructor() {
    super(`The aggregation produces more than ${MAX_GROUPS} groups; group by fewer dimensions or narrow the filter.`);
    this.name = 'TooManyGroupsError';
  }
}

/** Merged groups and the stores whose part is missing. */
export interface AggregationResult {
  groups: AggregateGroup[];
  unavailable: SourceUnavailableError[];
}

export interface AnalyticsOptions {
  /** Time limit of one store's aggregation, in ms. */
  timeLimitMS: number;
  /** Keeps merged groups between requests (see `analytics-cache.ts`); null: every request asks the stores. */
  cache: AnalyticsCacheSettings | null;
}

/** One store's partial groups, and the earliest publication scheduled after the request's clock among its records (null: none). */
interface StorePart {
  groups: AggregateGroup[];
  nextVisible: Date | null;
}

/** Runs aggregations over opened stores; one instance serves every request. */
export class StoreAnalytics {
  readonly options: AnalyticsOptions;
  readonly cache: AnalyticsCache | null;

  constructor(
    private readonly stores: Pick<Stores, 'connections' | 'office' | 'changes'>,
    options: Partial<AnalyticsOptions> = {},
  ) {
    this.options = { timeLimitMS: options.timeLimitMS ?? DEFAULT_TIME_LIMIT_MS, cache: options.cache ?? null };
    this.cache = this.options.cache ? new AnalyticsCache(stores.changes, this.options.cache) : null;
  }

  /** The merged groups of `request` over every store holding its kind, with the stores that did not answer. */
  async aggregate(request: AggregationRequest): Promise<AggregationResult> {
    const stored = this.cache?.get(request);
    const merged: AggregationResult = stored ? { groups: stored, unavailable: [] } : await this.storesGroups(request);
    let groups = merged.groups;
    const unavailable = merged.unavailable;
    if (request.groupBy.includes('ORGANIZATION_LEVEL')) {
      const levels = await this.organizationLevels(unavailable);
      groups = mergeGroups(
        groups.map((g) => ({ ...g, key: { ...g.key, ORGANIZATION_LEVEL: levels.get(String(g.key.ORGANIZATION)) ?? null } })),
        request.groupBy,
      );
    }
    if (groups.length > MAX_GROUPS) throw new TooManyGroupsError();
    return { groups, unavailable };
  }

  /** The groups of every store holding the kind, merged; kept in the cache when every store answered. */
  private async storesGroups(request: AggregationRequest): Promise<AggregationResult> {
    const stamp = this.cache?.stamp(request);
    const settled = await Promise.allSettled(KIND_DEFINITIONS[request.kind].stores.map((store) => this.storeGroups(store, request)));
    const partial: AggregateGroup[] = [];
    const unavailable: SourceUnavailableError[] = [];
    let nextVisible: Date | null = null;
    for (const result of settled) {
      if (result.status === 'rejected') {
        if (!(result.reason instanceof SourceUnavailableError)) throw result.reason;
        unavailable.push(result.reason);
        continue;
      }
      partial.push(...result.value.groups);
      const next = result.value.nextVisible;
      if (next && (!nextVisible || next < nextVisible)) nextVisible = next;
    }
    const groups = mergeGroups(partial, storedDimensions(request.groupBy));
    if (groups.length > MAX_GROUPS) throw new TooManyGroupsError();
    if (stamp && unavailable.length === 0) this.cache!.set(stamp, request, groups, nextVisible);
    return { groups, unavailable };
  }

  /** The pipeline one store runs for `request` (for benchmarks and explain). */
  async pipelineFor(store: StoreName, request: AggregationRequest): Promise<Document[]> {
    const scheduled = await this.stores.connections[store].run((db) => this.scheduledIn(db, request, false));
    return aggregationPipeline(request, scheduled.hiddenIds, MAX_GROUPS);
  }

  private async storeGroups(store: StoreName, request: AggregationRequest): Promise<StorePart> {
    const definition = KIND_DEFINITIONS[request.kind];
    const connection = this.stores.connections[store];
    const limit = this.options.timeLimitMS;
    const { rows, nextVisible } = await connection.run(
      async (db) => {
        const scheduled = await this.scheduledIn(db, request, this.cache !== null);
        const pipeline = aggregationPipeline(request, scheduled.hiddenIds, MAX_GROUPS);
        const cursor = db.collection(definition.collection).aggregate(pipeline, { maxTimeMS: limit, allowDiskUse: true, batchSize: MAX_GROUPS + 1 });
        return { rows: await readWithinTimeLimit(store, limit, cursor), nextVisible: scheduled.nextVisible };
      },
      // The time limit answers first; the store's own timeout still covers a store that never answers.
      { timeoutMS: limit + connection.timeoutMS },
    );
    if (rows.length > MAX_GROUPS) throw new TooManyGroupsError();
    const dimensions = storedDimensions(request.groupBy);
    return { groups: rows.map((row) => decodeGroup(request.kind, row, dimensions, request.measures)), nextVisible };
  }

  /**
   * Catalog entries scheduled after the request's clock: for a kind of
   * records, the ids to leave out (live collections hold only published
   * records, and their entries say when they become visible) and the
   * earliest of their times; for catalog items (whose own times are matched
   * in the pipeline), the earliest time only, read when `wantNext` (for the
   * cache; one indexed read).
   */
  private async scheduledIn(db: Db, request: AggregationRequest, wantNext: boolean): Promise<{ hiddenIds: string[]; nextVisible: Date | null }> {
    const published = KIND_DEFINITIONS[request.kind].published;
    const catalog = db.collection<{ _id: string; publishedAt: Date }>(CATALOG_COLLECTION);
    if (!published) {
      if (!wantNext) return { hiddenIds: [], nextVisible: null };
      const [next] = await catalog.find({ publishedAt: { $gt: request.visibleAt } }, { projection: { _id: 0, publishedAt: 1 }, sort: { publishedAt: 1 }, limit: 1 }).toArray();
      return { hiddenIds: [], nextVisible: next?.publishedAt ?? null };
    }
    const docs = await catalog.find({ publishedAt: { $gt: request.visibleAt }, kind: published.kind }, { projection: { _id: 1, publishedAt: 1 }, batchSize: 10_000 }).toArray();
    let nextVisible: Date | null = null;
    for (const doc of docs) if (!nextVisible || doc.publishedAt < nextVisible) nextVisible = doc.publishedAt;
    return { hiddenIds: docs.map((d) => d._id), nextVisible };
  }

  /** Each organization's level (classification); without the office store, none, and the store is reported. */
  private async organizationLevels(unavailable: SourceUnavailableError[]): Promise<Map<string, string>> {
    try {
      return new Map((await this.stores.office.allOrganizations()).map((org) => [org.id, org.classification]));
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      unavailable.push(error);
      return new Map();
    }
  }
}

const services = new WeakMap<object, StoreAnalytics>();

/** The analytics service of these stores (one per set of stores); `options` apply when it is first created. */
export function analyticsOf(stores: Pick<Stores, 'connections' | 'office' | 'changes'>, options: Partial<AnalyticsOptions> = {}): StoreAnalytics {
  let service = services.get(stores);
  if (!service) {
    service = new StoreAnalytics(stores, options);
    services.set(stores, service);
  }
  return service;
}
