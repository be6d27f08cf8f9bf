/**
 * The catalog's text search answers exactly what a brute-force substring
 * check over the same entries answers: counts, pages in both orders, paging
 * by cursor, probes beyond a cursor and per-category counts, for needles of
 * one, two and more characters, with punctuation, full-width letters and
 * upper case, and with scheduled entries that are not yet visible. Runs on
 * the embedded server or on MONGODB_URI.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Collection } from 'mongodb';
import type { CatalogEntryDoc, CategoryCode } from '../../datasources/catalog/catalog-entry.js';
import { CATALOG_COLLECTION, CATALOG_INDEXES, CatalogSource } from '../../datasources/catalog/catalog-source.js';
import { type CatalogOrder, catalogFilterQuery, comparePositions, sortSpec } from '../../datasources/catalog/catalog-query.js';
import { indexTerms, normalizeText } from '../../datasources/catalog/search-terms.js';
import { seededRandom } from '../../datasources/demo/seeded-random.js';
import { StoreConnection } from '../../datasources/store-connection.js';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

// Seeded, so a failure is reproducible.
const random = seededRandom(20261126);
const pickOne = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// A small alphabet, so that n-grams of a needle often occur apart from one another (candidates that are not matches).
const HAN = Array.from('征地防汛垃圾分类农村道路低保');
const COMMON = '镇';
const OTHERS = ['，', '。', '、', ' ', '-', '（', '）', 'Ａ', 'ｂ', 'A', 'b', '１', '2', '　'];
const CATEGORIES: CategoryCode[] = ['POLICY_DOCUMENTS', 'NOTICES', 'WORK_NEWS'];
const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 5, 1));

function phrase(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    out += r < 0.12 ? COMMON : r < 0.3 ? pickOne(OTHERS) : pickOne(HAN);
  }
  return out;
}

function entry(i: number): CatalogEntryDoc {
  const title = phrase(3 + Math.floor(random() * 8));
  const text = phrase(Math.floor(random() * 30));
  // Few distinct days, so that many entries tie on publishedAt and the _id breaks the tie; one in ten is scheduled.
  const offset = Math.floor(random() * 40) - 4;
  return {
    _id: `e-${String(i).padStart(4, '0')}`,
    kind: 'PublishedDocument',
    title,
    category: pickOne(CATEGORIES),
    organizationId: `o-${i % 7}`,
    publishedAt: new Date(NOW.getTime() - offset * DAY),
    indexNumber: `XA-${String(Math.floor(random() * 500)).padStart(4, '0')}`,
    channels: ['TOWN_PORTAL'],
    searchText: normalizeText(`${title}\n${text}`),
    searchTerms: indexTerms(title, text),
  };
}

const ENTRIES = Array.from({ length: 1_500 }, (_, i) => entry(i));

/** Needles of every shape: substrings of stored texts of 1 to 6 characters, random strings, full-width and upper-case spellings, edges of punctuation. */
function needles(): string[] {
  const out = new Set<string>(['镇', '征地', '征', 'x', '镇镇', '垃圾分类', '，', '征地。', ' 征地 ', 'Ａｂ', 'AB', '１2', '', '地镇防']);
  for (let i = 0; i < 70; i++) {
    const source = pickOne(ENTRIES).searchText;
    const chars = Array.from(source);
    const length = 1 + (i % 6);
    const start = Math.floor(random() * Math.max(1, chars.length - length));
    out.add(chars.slice(start, start + length).join(''));
  }
  for (let i = 0; i < 20; i++) out.add(phrase(1 + (i % 4)));
  // Spellings that normalize to stored text: full-width Latin and digits, upper case.
  out.add('ａｂ');
  out.add('B');
  out.add('Ｂ镇');
  return [...out];
}

const NEEDLES = needles();

function visibleMatches(needle: string): CatalogEntryDoc[] {
  const normalized = normalizeText(needle);
  return ENTRIES.filter((e) => e.publishedAt.getTime() <= NOW.getTime() && e.searchText.includes(normalized));
}

const BY_DATE: CatalogOrder = { field: 'publishedAt', direction: -1 };
const BY_NUMBER: CatalogOrder = { field: 'indexNumber', direction: 1 };

function ordered(entries: CatalogEntryDoc[], order: CatalogOrder): string[] {
  return [...entries]
    .sort((a, b) => comparePositions(order, { value: a[order.field], id: a._id }, { value: b[order.field], id: b._id }))
    .map((e) => e._id);
}

let mongo: TestMongo;
let store: StoreConnection;
let catalog: CatalogSource;
let collection: Collection<CatalogEntryDoc>;

beforeAll(async () => {
  mongo = await startTestMongo();
  const dbName = mongo.dbName('search');
  collection = mongo.client.db(dbName).collection<CatalogEntryDoc>(CATALOG_COLLECTION);
  await collection.insertMany(ENTRIES);
  store = new StoreConnection('office', { uri: mongo.uri, dbName, timeoutMS: 20_000 }, [CATALOG_INDEXES]);
  catalog = new CatalogSource(store);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await mongo?.stop();
});

describe('search answers equal a brute-force substring check', () => {
  test('the data set has dense and sparse needles, and scheduled entries that match', () => {
    const sizes = NEEDLES.map((n) => visibleMatches(n).length);
    expect(Math.max(...sizes)).toBeGreaterThan(300);
    expect(sizes.filter((s) => s > 0 && s < 20).length).toBeGreaterThan(5);
    expect(sizes.filter((s) => s === 0).length).toBeGreaterThan(2);
    expect(ENTRIES.some((e) => e.publishedAt > NOW && e.searchText.includes('镇'))).toBe(true);
  });

  test('counts', async () => {
    for (const search of NEEDLES) {
      expect({ search, count: await catalog.count({ search, visibleAt: NOW }) }).toEqual({ search, count: visibleMatches(search).length });
    }
  }, 60_000);

  test('the count command agrees, with and without visibility, and with a limit', async () => {
    const db = mongo.client.db(collection.dbName);
    for (const search of NEEDLES) {
      const visible = await db.command({ count: CATALOG_COLLECTION, query: catalogFilterQuery({ search, visibleAt: NOW }) });
      expect({ search, n: visible.n }).toEqual({ search, n: visibleMatches(search).length });
      const normalized = normalizeText(search);
      const any = await db.command({ count: CATALOG_COLLECTION, query: catalogFilterQuery({ search }) });
      expect({ search, n: any.n }).toEqual({ search, n: ENTRIES.filter((e) => e.searchText.includes(normalized)).length });
      const capped = await db.command({ count: CATALOG_COLLECTION, query: catalogFilterQuery({ search }), limit: 3 });
      expect({ search, n: capped.n }).toEqual({ search, n: Math.min(3, any.n as number) });
    }
  }, 60_000);

  test('first pages in both orders and from the end', async () => {
    for (const search of NEEDLES) {
      const matches = visibleMatches(search);
      for (const order of [BY_DATE, BY_NUMBER]) {
        const expected = ordered(matches, order);
        const first = await catalog.page({ filter: { search, visibleAt: NOW }, order, limit: 21, fromEnd: false });
        expect({ search, order, ids: first.map((e) => e.id) }).toEqual({ search, order, ids: expected.slice(0, 21) });
        const last = await catalog.page({ filter: { search, visibleAt: NOW }, order, limit: 5, fromEnd: true });
        expect({ search, order, ids: last.map((e) => e.id) }).toEqual({ search, order, ids: expected.slice(-5).reverse() });
      }
    }
  }, 120_000);

  test('paging by cursor walks every match once, in order, and probes beyond the cursor agree', async () => {
    for (const search of ['镇', '征地', '垃圾', 'ａｂ', '地镇']) {
      const filter = { search, visibleAt: NOW };
      const expected = ordered(visibleMatches(search), BY_DATE);
      const seen: string[] = [];
      let after: { value: Date; id: string } | undefined;
      for (;;) {
        const page = await catalog.page({ filter, order: BY_DATE, ...(after ? { after } : {}), limit: 50, fromEnd: false });
        seen.push(...page.map((e) => e.id));
        if (page.length < 50) break;
        const lastEntry = page[page.length - 1]!;
        after = { value: lastEntry.publishedAt, id: lastEntry.id };
        expect(await catalog.hasAny(filter, BY_DATE, after, 'before')).toBe(true);
        expect(await catalog.hasAny(filter, BY_DATE, after, 'after')).toBe(expected.indexOf(lastEntry.id) < expected.length - 1);
      }
      expect({ search, seen }).toEqual({ search, seen: expected });
    }
  }, 120_000);

  test('searches scoped to organizations and categories', async () => {
    for (const search of NEEDLES.slice(0, 40)) {
      const scopes: Array<{ organizationIds: string[]; categories?: CategoryCode[] }> = [{ organizationIds: ['o-1', 'o-4'] }, { organizationIds: ['o-2'], categories: ['NOTICES'] }];
      for (const scope of scopes) {
        const filter = { search, visibleAt: NOW, ...scope };
        const matches = visibleMatches(search).filter((e) => scope.organizationIds.includes(e.organizationId) && (scope.categories === undefined || scope.categories.includes(e.category)));
        expect({ search, scope, n: await catalog.count(filter) }).toEqual({ search, scope, n: matches.length });
        const page = await catalog.page({ filter, order: BY_DATE, limit: 11, fromEnd: false });
        expect({ search, scope, ids: page.map((e) => e.id) }).toEqual({ search, scope, ids: ordered(matches, BY_DATE).slice(0, 11) });
      }
    }
  }, 60_000);

  test('counts per category', async () => {
    for (const search of ['镇', '征地', '垃圾分类', 'b']) {
      const expected = new Map<CategoryCode, number>();
      for (const e of visibleMatches(search)) expected.set(e.category, (expected.get(e.category) ?? 0) + 1);
      expect(await catalog.countByCategory({ search, visibleAt: NOW })).toEqual(expected);
    }
  });

  test('an aggregation that matches, sorts and limits (the joined page) returns the same entries', async () => {
    for (const search of NEEDLES.slice(0, 40)) {
      const docs = await collection
        .aggregate<CatalogEntryDoc>([{ $match: catalogFilterQuery({ search, visibleAt: NOW }) }, { $sort: sortSpec(BY_DATE, false) }, { $limit: 21 }, { $project: { _id: 1 } }])
        .toArray();
      expect({ search, ids: docs.map((d) => d._id) }).toEqual({ search, ids: ordered(visibleMatches(search), BY_DATE).slice(0, 21) });
    }
  }, 60_000);

  test('a search for every match without a limit, and without visibility, finds the scheduled entries too', async () => {
    for (const search of ['镇', '征', '分类']) {
      const docs = await collection.find(catalogFilterQuery({ search }), { projection: { _id: 1 } }).toArray();
      const normalized = normalizeText(search);
      const expected = ENTRIES.filter((e) => e.searchText.includes(normalized)).map((e) => e._id).sort();
      expect(docs.map((d) => d._id).sort()).toEqual(expected);
    }
  });
});
