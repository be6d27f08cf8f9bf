import { describe, expect, it } from 'vitest';
import { comparePositions, positionQuery, sortSpec, type CatalogOrder } from '../../../datasources/catalog/catalog-query.js';

const newestFirst: CatalogOrder = { field: 'publishedAt', direction: -1 };
const byIndexNumber: CatalogOrder = { field: 'indexNumber', direction: 1 };
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('catalog order', () => {
  it('sorts newest first, then by id in the same direction', () => {
    const a = { value: day('2015-03-01'), id: 'b' };
    const b = { value: day('2015-03-01'), id: 'a' };
    const c = { value: day('2015-02-01'), id: 'z' };
    expect([c, b, a].sort((x, y) => comparePositions(newestFirst, x, y))).toEqual([a, b, c]);
  });

  it('compares strings by UTF-8 bytes as MongoDB does', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 bytes but after it in UTF-16 code units.
    const wide = { value: '\uFF5E', id: 'x' };
    const astral = { value: '\u{1F600}', id: 'x' };
    expect(comparePositions(byIndexNumber, wide, astral)).toBeLessThan(0);
  });

  it('the position query is strict after the position in either direction', () => {
    const position = { value: day('2015-03-01'), id: 'm' };
    expect(positionQuery(newestFirst, position, 'after')).toEqual({
      $and: [
        { publishedAt: { $lte: position.value } },
        { $or: [{ publishedAt: { $lt: position.value } }, { publishedAt: position.value, _id: { $lt: 'm' } }] },
      ],
    });
    expect(positionQuery(newestFirst, position, 'before')).toEqual({
      $and: [
        { publishedAt: { $gte: position.value } },
        { $or: [{ publishedAt: { $gt: position.value } }, { publishedAt: position.value, _id: { $gt: 'm' } }] },
      ],
    });
  });

  it('walks the reverse order when reading from the end', () => {
    expect(sortSpec(newestFirst, false)).toEqual({ publishedAt: -1, _id: -1 });
    expect(sortSpec(newestFirst, true)).toEqual({ publishedAt: 1, _id: 1 });
  });
});
