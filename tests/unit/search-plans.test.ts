/**
 * How the embedded server reaches a catalog search's entries: the rarest
 * term's entries filtered by the other terms' postings; a walk of the sort
 * index when matches are dense and a page is asked for; and a count that
 * checks on each candidate only what the postings do not prove.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from 'bson';
import { CATALOG_INDEXES } from '../../datasources/catalog/catalog-source.js';
import { catalogFilterQuery, sortSpec } from '../../datasources/catalog/catalog-query.js';
import { indexTerms, normalizeText } from '../../datasources/catalog/search-terms.js';
import { createEngine, type Engine } from '../../src/embedded-mongo/engine/index.js';

const ns = { db: 'office', coll: 'catalog' };
const NOW = new Date(Date.UTC(2026, 0, 1));
const BY_DATE = { field: 'publishedAt', direction: -1 } as const;

async function catalogWith(entries: Array<{ id: string; text: string; day: number }>): Promise<Engine> {
  const engine = await createEngine({});
  await engine.createIndexes(ns, CATALOG_INDEXES.indexes.map((i) => ({ key: i.key as Document, name: i.name! })));
  const docs = entries.map((e) => ({
    _id: e.id,
    publishedAt: new Date(NOW.getTime() - e.day * 86_400_000),
    searchText: normalizeText(e.text),
    searchTerms: indexTerms(e.text),
  }));
  await engine.insert(ns, docs, true);
  return engine;
}

describe('plans for a search', () => {
  it('fetches only the records holding every term, starting from the rarest', async () => {
    // 垃圾 in 200 entries, 分类 in 100, both (垃圾分类) in 10.
    const entries = Array.from({ length: 300 }, (_, i) => ({
      id: `e${i}`,
      text: i < 10 ? '垃圾分类' : i < 200 ? '垃圾清运' : '图书分类',
      day: i,
    }));
    const engine = await catalogWith(entries);
    const plan = engine.explainFind!(ns, { filter: catalogFilterQuery({ search: '垃圾分类', visibleAt: NOW }) });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'searchTerms_1', postingsChecked: { values: 3 } });
    expect(plan.executionStats).toMatchObject({ nReturned: 10, totalDocsExamined: 10 });
  });

  it('walks the date index for a page of a dense term, fetching a page and not every match', async () => {
    const entries = Array.from({ length: 2_000 }, (_, i) => ({ id: `e${String(i).padStart(4, '0')}`, text: i % 3 === 0 ? '防汛通知' : '森林防火', day: i % 400 }));
    const engine = await catalogWith(entries);
    const filter = catalogFilterQuery({ search: '防汛', visibleAt: NOW });
    const page = engine.explainFind!(ns, { filter, sort: sortSpec(BY_DATE, false), limit: 21 });
    expect(page.queryPlanner.winningPlan).toMatchObject({
      stage: 'IXSCAN',
      indexName: 'publishedAt_-1__id_-1',
      providesSort: true,
      postingsChecked: { indexName: 'searchTerms_1', values: 1 },
    });
    expect(page.executionStats.nReturned).toBe(21);
    expect(page.executionStats.totalDocsExamined).toBe(21);
    // Without a limit every match is fetched whichever way: the postings are read, not the date index.
    const all = engine.explainFind!(ns, { filter: catalogFilterQuery({ search: '防汛通', visibleAt: NOW }) });
    expect(all.executionStats.nReturned).toBe(667);
  });

  it('reads a rare term from its postings even when a page is sorted by date', async () => {
    const entries = Array.from({ length: 2_000 }, (_, i) => ({ id: `e${i}`, text: i < 3 ? '河长制' : '消防安全', day: i % 400 }));
    const engine = await catalogWith(entries);
    const plan = engine.explainFind!(ns, { filter: catalogFilterQuery({ search: '河长', visibleAt: NOW }), sort: sortSpec(BY_DATE, false), limit: 21 });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'searchTerms_1' });
    expect(plan.executionStats).toMatchObject({ nReturned: 3, totalDocsExamined: 3 });
  });
});

describe('a search scoped by organization', () => {
  it('reads the organization index and fetches only entries holding every term', async () => {
    const engine = await createEngine({});
    await engine.createIndexes(ns, CATALOG_INDEXES.indexes.map((i) => ({ key: i.key as Document, name: i.name! })));
    const docs = Array.from({ length: 400 }, (_, i) => {
      const text = i % 4 === 0 ? '低保公示' : '道路养护';
      return { _id: `e${i}`, organizationId: `o${i % 2}`, publishedAt: new Date(NOW.getTime() - i * 86_400_000), searchText: normalizeText(text), searchTerms: indexTerms(text) };
    });
    await engine.insert(ns, docs, true);
    const filter = catalogFilterQuery({ search: '低保公', organizationIds: ['o0'], visibleAt: NOW });
    const plan = engine.explainFind!(ns, { filter, sort: sortSpec(BY_DATE, false), limit: 21 });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ indexName: 'organizationId_1_publishedAt_-1', postingsChecked: { indexName: 'searchTerms_1', values: 2 } });
    // o0 has 200 entries, 100 of them hold the terms: only those are read (and sorted, the index lacks the _id tie-break).
    expect(plan.executionStats).toMatchObject({ nReturned: 21, totalDocsExamined: 100 });
    expect(await engine.countAsync(ns, filter)).toBe(100);
    // Terms alone beside the scope: the postings prove them, each candidate is checked for the rest only.
    expect(await engine.countAsync(ns, { $and: [{ organizationId: 'o0' }, { searchTerms: '低保' }, { searchTerms: '公示' }] })).toBe(100);
    expect(await engine.countAsync(ns, { $and: [{ organizationId: 'o0' }, { searchTerms: '低保' }, { searchTerms: '养护' }] })).toBe(0);
    expect(await engine.countAsync(ns, { $and: [{ organizationId: 'o1' }, { searchTerms: '道路' }, { searchTerms: '养护' }] })).toBe(200);
  });
});

describe('counting a search', () => {
  const entries = Array.from({ length: 600 }, (_, i) => ({ id: `e${i}`, text: i % 3 === 0 ? '防汛通知' : '森林防火', day: i - 20 }));

  async function examined(engine: Engine, filter: Document): Promise<{ n: number; docs: number }> {
    const before = engine.stats().documentsExamined ?? 0;
    const n = await engine.countAsync(ns, filter);
    return { n, docs: (engine.stats().documentsExamined ?? 0) - before };
  }

  it('reads no record when the postings prove the whole filter', async () => {
    const engine = await catalogWith(entries);
    const terms = { $and: [{ searchTerms: '防汛' }, { searchTerms: '汛通' }] };
    expect(await examined(engine, terms)).toEqual({ n: 200, docs: 0 });
    expect(engine.count(ns, terms)).toBe(200);
    expect(await examined(engine, { searchTerms: '防火' })).toEqual({ n: 400, docs: 0 });
  });

  it('checks what is left on each candidate: visibility, and the substring for a longer needle', async () => {
    const engine = await catalogWith(entries);
    // Entries 0..19 are scheduled after NOW: 7 of them are 防汛 entries, 13 防火 ones.
    expect(await examined(engine, catalogFilterQuery({ search: '防汛', visibleAt: NOW }))).toEqual({ n: 193, docs: 200 });
    expect(await examined(engine, catalogFilterQuery({ search: '防汛通知', visibleAt: NOW }))).toEqual({ n: 193, docs: 200 });
    expect(await examined(engine, catalogFilterQuery({ search: '防火', visibleAt: NOW }))).toEqual({ n: 387, docs: 400 });
  });

  it('does not count a deleted record', async () => {
    const engine = await catalogWith(entries);
    await engine.delete(ns, [{ q: { _id: 'e3' }, limit: 1 }], true);
    expect(await examined(engine, { searchTerms: '防汛' })).toEqual({ n: 199, docs: 0 });
  });
});

