/** Which cached answers count as catalog searches, and which changed search terms can alter them. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../../datasources/catalog/search-terms.js';
import { searchDependencies, searchFieldsOf, touchesSearches } from '../../../src/http/search-answers.js';

const SEARCH = 'query($s: String!) { disclosures(first: 20, filter: { search: $s }) { totalCount edges { node { id title } } } }';
const page = { disclosures: { totalCount: 1, edges: [{ node: { id: 'x', title: '征地补偿方案' } }] } };

describe('search answers', () => {
  it('finds root searches written, in a variable, or in a filter variable, under their aliases', () => {
    expect(searchFieldsOf(parse(SEARCH), undefined)).toEqual([{ responseKey: 'disclosures', search: { variable: 's' } }]);
    expect(searchFieldsOf(parse('{ found: disclosures(filter: { search: "防汛" }) { totalCount } }'), undefined)).toEqual([{ responseKey: 'found', search: { text: '防汛' } }]);
    expect(searchFieldsOf(parse('query($f: DisclosureFilter) { disclosures(filter: $f) { totalCount } }'), undefined)).toEqual([{ responseKey: 'disclosures', search: { filterVariable: 'f' } }]);
    expect(searchFieldsOf(parse('{ disclosures(first: 5) { totalCount } }'), undefined)).toEqual([]);
  });

  it('takes an answer for searches only when its one list is each search\'s edges', () => {
    const fields = searchFieldsOf(parse(SEARCH), undefined);
    expect(searchDependencies(page, fields, { s: '征地' })).toEqual([queryTerms('征地')]);
    // A list inside the found records, another root field, or a query without n-grams: not a search answer.
    expect(searchDependencies({ disclosures: { edges: [{ node: { id: 'x', channels: ['PORTAL'] } }] } }, fields, { s: '征地' })).toBeNull();
    // A found record's own list of values, on a record the answer identifies, is no listing.
    const gid = Buffer.from('FundAllocation:alloc-1').toString('base64url');
    expect(searchDependencies({ disclosures: { edges: [{ node: { id: gid, channels: ['PORTAL', 'WECHAT'] } }] } }, fields, { s: '征地' })).toEqual([queryTerms('征地')]);
    expect(searchDependencies({ disclosures: { edges: [{ node: { id: gid, awards: [{ value: 1 }] } }] } }, fields, { s: '征地' })).toBeNull();
    expect(searchDependencies({ ...page, organizations: [] }, fields, { s: '征地' })).toBeNull();
    expect(searchDependencies(page, fields, { s: '  ' })).toBeNull();
    const viaFilter = searchFieldsOf(parse('query($f: DisclosureFilter) { disclosures(filter: $f) { totalCount edges { node { id } } } }'), undefined);
    expect(searchDependencies(page, viaFilter, { f: { search: '防汛' } })).toEqual([queryTerms('防汛')]);
  });

  it('is touched by a changed entry whose terms hold every n-gram of a query, before or after the change', () => {
    const searches = [queryTerms('征地补偿')];
    expect(touchesSearches(searches, [new Set(['防汛', '汛期'])])).toBe(false);
    expect(touchesSearches(searches, [new Set(['征地', '地补'])])).toBe(false);
    expect(touchesSearches(searches, [new Set(['防汛']), new Set(['征地', '地补', '补偿', '村'])])).toBe(true);
  });
});
