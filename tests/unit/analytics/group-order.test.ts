/** Groups ordered by key compare strings in UTF-8 byte order, as the stores sort them, also across surrogate pairs and the upper BMP. */
import { describe, expect, it } from 'vitest';
import type { AggregateGroup } from '../../../datasources/analytics/analytics-request.js';
import { orderGroups } from '../../../resolvers/analytics-groups.js';

const ALPHABET = ['a', 'Z', '0', '中', '镇', '\uE000', '\uFFFD', '😀', '𠀀', ' '];

/** A deterministic pseudo-random string over ALPHABET (a linear congruential generator; the test must not depend on the run). */
function strings(count: number): string[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 4) }, () => ALPHABET[next() % ALPHABET.length]).join(''));
}

describe('group order', () => {
  it('orders string keys as their UTF-8 bytes order', () => {
    const ids = strings(300);
    const groups: AggregateGroup[] = ids.map((id) => ({ key: { ORGANIZATION: id }, count: 1, measures: {} }));
    const ordered = orderGroups(groups, ['ORGANIZATION'], null).map((g) => g.key.ORGANIZATION as string);
    const expected = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(ordered).toEqual(expected);
    // UTF-16 code units would put the emoji (a surrogate pair) before U+E000; UTF-8 puts it after.
    expect(orderGroups([{ key: { ORGANIZATION: '😀' }, count: 1, measures: {} }, { key: { ORGANIZATION: '\uE000' }, count: 1, measures: {} }], ['ORGANIZATION'], null).map((g) => g.key.ORGANIZATION)).toEqual(['\uE000', '😀']);
  });

  it('puts missing values first and numbers in numeric order', () => {
    const groups: AggregateGroup[] = [12, null, 2, 1].map((month) => ({ key: { MONTH: month }, count: 1, measures: {} }));
    expect(orderGroups(groups, ['MONTH'], null).map((g) => g.key.MONTH)).toEqual([null, 1, 2, 12]);
  });
});
