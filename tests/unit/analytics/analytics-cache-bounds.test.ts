/**
 * The analytics cache's own rules, on the real change feed: a result
 * computed while a change of its kind was announced is not kept, a change
 * of another kind does not stop it, and entries are bounded by the groups
 * they hold (the oldest go first; one too large for a quarter is not kept).
 */
import { describe, expect, it } from 'vitest';
import { AnalyticsCache } from '../../../datasources/analytics/analytics-cache.js';
import type { AggregateGroup, AggregationRequest } from '../../../datasources/analytics/analytics-request.js';
import { ChangeFeed } from '../../../datasources/change-feed.js';

const AT = new Date('2026-01-01T00:00:00Z');

const request = (yearFrom: number, kind: AggregationRequest['kind'] = 'ALLOCATION'): AggregationRequest => ({
  kind, filter: { yearFrom }, groupBy: ['MONTH'], measures: [], visibleAt: AT,
});

const groups = (n: number): AggregateGroup[] => Array.from({ length: n }, (_, i) => ({ key: { MONTH: i + 1 }, count: 1, measures: {} }));

function remember(cache: AnalyticsCache, asked: AggregationRequest, held: AggregateGroup[]): void {
  cache.set(cache.stamp(asked), asked, held, null);
}

describe('analytics cache bounds', () => {
  it('does not keep a result computed while a change of its kind was announced', () => {
    const changes = new ChangeFeed();
    const cache = new AnalyticsCache(changes, { ttlMs: 60_000, maxGroups: 100 });
    const stamp = cache.stamp(request(2015));
    changes.publish({ store: 'finance', recordIds: ['a'], organizationIds: [], kinds: ['FundAllocation'], searchTerms: [] });
    cache.set(stamp, request(2015), groups(2), null);
    expect(cache.get(request(2015))).toBeNull();

    const other = cache.stamp(request(2016));
    changes.publish({ store: 'procurement', recordIds: ['b'], organizationIds: [], kinds: ['Procurement'], searchTerms: [] });
    cache.set(other, request(2016), groups(2), null);
    expect(cache.get(request(2016))).toHaveLength(2);
  });

  it('keeps at most maxGroups groups, dropping the oldest entries, and never one result over a quarter of it', () => {
    const cache = new AnalyticsCache(new ChangeFeed(), { ttlMs: 60_000, maxGroups: 100 });
    remember(cache, request(2015), groups(20));
    remember(cache, request(2016), groups(20));
    remember(cache, request(2017), groups(25));
    remember(cache, request(2018), groups(20));
    remember(cache, request(2019), groups(20));
    expect(cache.stats()).toMatchObject({ entries: 4, groups: 85 });
    expect(cache.get(request(2015))).toBeNull();
    expect(cache.get(request(2016))).toHaveLength(20);

    remember(cache, request(2020), groups(26));
    expect(cache.get(request(2020))).toBeNull();
  });

  it('answers a clock only within the span the entry was computed for', () => {
    const cache = new AnalyticsCache(new ChangeFeed(), { ttlMs: 60_000, maxGroups: 100 });
    const next = new Date(AT.getTime() + 1_000);
    cache.set(cache.stamp(request(2015)), request(2015), groups(1), next);
    const at = (ms: number) => ({ ...request(2015), visibleAt: new Date(AT.getTime() + ms) });
    expect(cache.get(at(0))).toHaveLength(1);
    expect(cache.get(at(999))).toHaveLength(1);
    expect(cache.get(at(1_000))).toBeNull();
    expect(cache.get(at(-1))).toBeNull();
  });

  it('empties itself when closed and keeps nothing afterwards, since it no longer hears changes', () => {
    const cache = new AnalyticsCache(new ChangeFeed(), { ttlMs: 60_000, maxGroups: 100 });
    remember(cache, request(2015), groups(1));
    cache.close();
    expect(cache.stats().entries).toBe(0);
    remember(cache, request(2016), groups(1));
    expect(cache.get(request(2016))).toBeNull();
  });
});
