/**
 * Aggregations across the stores: each store holding the kind runs the
 * pipeline on its own records and returns partial groups; the gateway
 * merges them exactly and, for the organization level, re-groups the
 * organizations' partial groups by the office store's hierarchy. A store
 * that does not answer is reported, never silently left out of a total.
 */
import type { Db, Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import { SourceUnavailableError } from '../errors.js';
import type { Stores } from '../index.js';
import type { StoreName } from '../store-name.js';
import { aggregationPipeline, storedDimensions } from './aggregation-pipeline.js';
import { KIND_DEFINITIONS } from './analytics-kinds.js';
import type { AggregateGroup, AggregationRequest } from './analytics-request.js';
import { decodeGroup, mergeGroups } from './partial-groups.js';
import { readWithinTimeLimit } from './store-time-limit.js';

/** Most groups one aggregation may produce in a store (and after merging). */
export const MAX_GROUPS = 50_000;

/** Default time limit of one store's aggregation, in ms (ANALYTICS_TIME_LIMIT_MS overrides it). */
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
}

function configuredTimeLimit(): number {
  const raw = process.env.ANALYTICS_TIME_LIMIT_MS;
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : DEFAULT_TIME_LIMIT_MS;
}

/** Runs aggregations over opened stores; one instance serves every request. */
export class StoreAnalytics {
  readonly options: AnalyticsOptions;

  constructor(
    private readonly stores: Pick<Stores, 'connections' | 'office'>,
    options: Partial<AnalyticsOptions> = {},
  ) {
    this.options = { timeLimitMS: options.timeLimitMS ?? configuredTimeLimit() };
  }

  /** The merged groups of `request` over every store holding its kind, with the stores that did not answer. */
  async aggregate(request: AggregationRequest): Promise<AggregationResult> {
    const definition = KIND_DEFINITIONS[request.kind];
    const dimensions = storedDimensions(request.groupBy);
    const settled = await Promise.allSettled(definition.stores.map((store) => this.storeGroups(store, request)));
    const partial: AggregateGroup[] = [];
    const unavailable: SourceUnavailableError[] = [];
    for (const result of settled) {
      if (result.status === 'fulfilled') partial.push(...result.value);
      else if (result.reason instanceof SourceUnavailableError) unavailable.push(result.reason);
      else throw result.reason;
    }
    let groups = mergeGroups(partial, dimensions);
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

  /** The pipeline one store runs for `request` (for benchmarks and explain). */
  async pipelineFor(store: StoreName, request: AggregationRequest): Promise<Document[]> {
    return aggregationPipeline(request, await this.hiddenIds(store, request), MAX_GROUPS);
  }

  private async storeGroups(store: StoreName, request: AggregationRequest): Promise<AggregateGroup[]> {
    const definition = KIND_DEFINITIONS[request.kind];
    const connection = this.stores.connections[store];
    const limit = this.options.timeLimitMS;
    const rows = await connection.run(
      async (db) => {
        const hidden = await this.hiddenIdsIn(db, request);
        const pipeline = aggregationPipeline(request, hidden, MAX_GROUPS);
        const cursor = db.collection(definition.collection).aggregate(pipeline, { maxTimeMS: limit, allowDiskUse: true, batchSize: MAX_GROUPS + 1 });
        return readWithinTimeLimit(store, limit, cursor);
      },
      // The time limit answers first; the store's own timeout still covers a store that never answers.
      { timeoutMS: limit + connection.timeoutMS },
    );
    if (rows.length > MAX_GROUPS) throw new TooManyGroupsError();
    const dimensions = storedDimensions(request.groupBy);
    return rows.map((row) => decodeGroup(request.kind, row, dimensions, request.measures));
  }

  private hiddenIds(store: StoreName, request: AggregationRequest): Promise<string[]> {
    return this.stores.connections[store].run((db) => this.hiddenIdsIn(db, request));
  }

  /** Ids of records of the kind whose catalog entry is scheduled after the request's clock (live collections hold only published records). */
  private async hiddenIdsIn(db: Db, request: AggregationRequest): Promise<string[]> {
    const published = KIND_DEFINITIONS[request.kind].published;
    if (!published) return [];
    const docs = await db
      .collection<{ _id: string }>(CATALOG_COLLECTION)
      .find({ publishedAt: { $gt: request.visibleAt }, kind: published.kind }, { projection: { _id: 1 }, batchSize: 10_000 })
      .toArray();
    return docs.map((d) => d._id);
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
export function analyticsOf(stores: Pick<Stores, 'connections' | 'office'>, options: Partial<AnalyticsOptions> = {}): StoreAnalytics {
  let service = services.get(stores);
  if (!service) {
    service = new StoreAnalytics(stores, options);
    services.set(stores, service);
  }
  return service;
}
