import { describe, expect, it } from 'vitest';
import { catalogFilterQuery } from '../../../datasources/catalog/catalog-query.js';
import { escapeRegExp, indexTerms, normalizeText, queryTerms } from '../../../datasources/catalog/search-terms.js';

describe('Chinese n-gram search terms', () => {
  it('indexes every unigram and bigram of each run, never across punctuation', () => {
    const terms = indexTerms('征地补偿，公示');
    expect(terms).toEqual(expect.arrayContaining(['征', '地', '补', '偿', '征地', '地补', '补偿', '公', '示', '公示']));
    expect(terms).not.toContain('偿公');
  });

  it('asks a query for its bigrams, or its only character', () => {
    expect(queryTerms('公务接待')).toEqual(['公务', '务接', '接待']);
    expect(queryTerms('征')).toEqual(['征']);
    expect(queryTerms('征地 补偿')).toEqual(['征地', '补偿']);
  });

  it('normalizes full-width forms and case so that ＡＢＣ finds abc', () => {
    expect(normalizeText('  ＡＢＣ　 12 ')).toBe('abc 12');
    expect(queryTerms('ＡＢ')).toEqual(queryTerms('ab'));
  });

  it('a text containing the query always has every query term', () => {
    const text = '内厝镇公务接待管理办法（2015年修订）';
    const indexed = new Set(indexTerms(text));
    for (const query of ['公务接待', '办法', '2015', '修订', '镇']) {
      for (const term of queryTerms(query)) expect(indexed.has(term)).toBe(true);
    }
  });

  it('escapes regular expression syntax in the verified substring', () => {
    expect(escapeRegExp('a.b*(c)')).toBe('a\\.b\\*\\(c\\)');
    const query = catalogFilterQuery({ search: '（2015）' });
    expect(query.$and).toContainEqual({ searchText: { $regex: '\\(2015\\)' } });
  });

  it('requires every n-gram with equality conditions the index can serve', () => {
    expect(catalogFilterQuery({ search: '征地' })).toEqual({ $and: [{ searchTerms: '征地' }, { searchText: { $regex: '征地' } }] });
  });
});
