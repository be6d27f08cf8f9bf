/**
 * Merged groups of aggregations kept between requests. Analysts' dashboards
 * ask the same questions again and again, and a year's figures change only
 * when a record of the kind is published, changed or withdrawn, or when a
 * scheduled publication becomes visible. So an entry is kept until:
 * - the change feed announces a change to the disclosure kind it summarises
 *   (catalog items summarise every kind, so any change drops them);
 * - the request clock reaches the next scheduled publication among its
 *   records (an entry answers only clocks within the span over which the
 *   set of visible records is the one it was computed from);
 * - its time to live ends, which bounds how late a change written by another
 *   gateway process (whose announcements this one never hears) shows.
 * A result computed while a change of its kind was announced is not kept,
 * nor is one that misses a store. Entries are bounded by the groups they
 * hold in all; the oldest go first.
 */
import type { ChangeFeed } from '../change-feed.js';
import type { AggregateGroup, AggregationRequest } from './analytics-request.js';
import { disclosureKindOf } from './analytics-kinds.js';
import { storedDimensions } from './aggregation-pipeline.js';

/** Bounds of the cache. */
export interface AnalyticsCacheSettings {
  /** How long an entry lives at most, in ms. */
  ttlMs: number;
  /** Groups held over all entries at most; one result larger than a quarter of it is not kept. */
  maxGroups: number;
}

/** What the cache holds and did, for tests and the benchmark. */
export interface AnalyticsCacheStats {
  entries: number;
  groups: number;
  hits: number;
  misses: number;
  dropped: number;
}

/** The disclosure kind an entry depends on; null means every kind. */
type Dependency = string | null;

interface Entry {
  groups: AggregateGroup[];
  dependency: Dependency;
  /** Request clocks (ms) the entry answers: from the clock it was computed at, to the next scheduled publication (exclusive). */
  visibleFrom: number;
  visibleUntil: number;
  expires: number;
}

/** A point before a computation, telling afterwards whether a change of its kind was announced meanwhile. */
export interface CacheStamp {
  readonly key: string;
  readonly dependency: Dependency;
  readonly generation: number;
}

export class AnalyticsCache {
  private readonly entries = new Map<string, Entry>();
  /** Changes announced per disclosure kind, and in all (what an entry on every kind depends on). */
  private readonly generations = new Map<string, number>();
  private allChanges = 0;
  private heldGroups = 0;
  private hits = 0;
  private misses = 0;
  private dropped = 0;
  /** A closed cache hears no changes, so it keeps nothing more. */
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    changes: Pick<ChangeFeed, 'subscribe'>,
    private readonly settings: AnalyticsCacheSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = changes.subscribe((change) => this.changed(change.kinds));
  }

  /** The merged store groups of `request` when an entry answers its clock, else null. */
  get(request: AggregationRequest): AggregateGroup[] | null {
    const key = keyOf(request);
    const entry = this.entries.get(key);
    const clock = request.visibleAt.getTime();
    if (entry && entry.expires <= this.now()) this.drop(key, entry);
    else if (entry && clock >= entry.visibleFrom && clock < entry.visibleUntil) {
      this.hits++;
      return entry.groups;
    }
    this.misses++;
    return null;
  }

  /** Taken before computing `request`; `set` keeps the result only if no change of its kind came in between. */
  stamp(request: AggregationRequest): CacheStamp {
    const dependency = dependencyOf(request);
    return { key: keyOf(request), dependency, generation: this.generationOf(dependency) };
  }

  /** Keeps complete merged groups computed at `request`'s clock; `nextVisible` is the earliest scheduled publication after it (null: none). */
  set(stamp: CacheStamp, request: AggregationRequest, groups: AggregateGroup[], nextVisible: Date | null): void {
    if (this.closed || this.generationOf(stamp.dependency) !== stamp.generation) return;
    if (groups.length > this.settings.maxGroups / 4) return;
    const previous = this.entries.get(stamp.key);
    if (previous) this.drop(stamp.key, previous);
    this.entries.set(stamp.key, {
      groups,
      dependency: stamp.dependency,
      visibleFrom: request.visibleAt.getTime(),
      visibleUntil: nextVisible?.getTime() ?? Number.POSITIVE_INFINITY,
      expires: this.now() + this.settings.ttlMs,
    });
    this.heldGroups += groups.length;
    for (const [key, oldest] of this.entries) {
      if (this.heldGroups <= this.settings.maxGroups) break;
      this.drop(key, oldest);
    }
  }

  stats(): AnalyticsCacheStats {
    return { entries: this.entries.size, groups: this.heldGroups, hits: this.hits, misses: this.misses, dropped: this.dropped };
  }

  /** Stops listening to changes and empties the cache. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  private changed(kinds: readonly string[]): void {
    if (kinds.length === 0) return;
    this.allChanges++;
    for (const kind of kinds) this.generations.set(kind, (this.generations.get(kind) ?? 0) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.dependency === null || kinds.includes(entry.dependency)) this.drop(key, entry);
    }
  }

  private generationOf(dependency: Dependency): number {
    return dependency === null ? this.allChanges : (this.generations.get(dependency) ?? 0);
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.heldGroups -= entry.groups.length;
    this.dropped++;
  }
}

/** The request without its clock (the clock is matched against an entry's span); the organization level is derived after the cache. */
function keyOf(request: AggregationRequest): string {
  return JSON.stringify([request.kind, request.filter, storedDimensions(request.groupBy), request.measures]);
}

function dependencyOf(request: AggregationRequest): Dependency {
  return disclosureKindOf(request.kind);
}
