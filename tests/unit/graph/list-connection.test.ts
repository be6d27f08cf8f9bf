import { describe, expect, it } from 'vitest';
import { listConnection } from '../../../resolvers/list-connection.js';

const items = ['e', 'a', 'c', 'b', 'd'].map((key) => ({ key }));
const keyOf = (item: { key: string }) => item.key;
const keys = (c: ReturnType<typeof listConnection<{ key: string }>>) => c.edges.map((e) => (e instanceof Error ? null : e.node.key));

describe('in-memory connections', () => {
  it('page forward by key with exact pageInfo', () => {
    const first = listConnection(items, keyOf, { first: 2 });
    expect(keys(first)).toEqual(['a', 'b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = listConnection(items, keyOf, { first: 2, after: first.pageInfo.endCursor! });
    expect(keys(second)).toEqual(['c', 'd']);
    const third = listConnection(items, keyOf, { first: 2, after: second.pageInfo.endCursor! });
    expect(keys(third)).toEqual(['e']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(third.totalCount).toBe(5);
  });

  it('page backward from the end', () => {
    const last = listConnection(items, keyOf, { last: 2 });
    expect(keys(last)).toEqual(['d', 'e']);
    const before = listConnection(items, keyOf, { last: 2, before: last.pageInfo.startCursor! });
    expect(keys(before)).toEqual(['b', 'c']);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('a cursor keeps its place when items are added before it', () => {
    const first = listConnection(items, keyOf, { first: 2 });
    const grown = [...items, { key: '0' }];
    expect(keys(listConnection(grown, keyOf, { first: 2, after: first.pageInfo.endCursor! }))).toEqual(['c', 'd']);
  });
});
