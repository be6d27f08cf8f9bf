/**
 * A Relay connection over a list already in memory (an organization's
 * children, a person's appointments): items sorted by a unique key, cursors
 * holding that key, so paging is exact however the list changes.
 */
import type { PageArgs } from '../schema/page.args.js';
import { badUserInput } from './bad-user-input.js';
import { pageSize } from './page-size.js';

/** A connection value as the connection types expect it. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | PromiseLike<number>;
}

/** A value computed only when something awaits it (GraphQL awaits a field's value only when the field is selected). */
export function lazy<T>(compute: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= compute();
      return started.then(onFulfilled, onRejected);
    },
  };
}

function encode(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

function decode(cursor: string, argumentName: string): string {
  const text = /^[A-Za-z0-9_-]+$/u.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('k:')) throw badUserInput(argumentName, `\`${argumentName}\` is not a cursor of this list.`);
  return text.slice(2);
}

const byKey = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The page of `items` that `args` asks for, ordered by `keyOf` (which must be unique per item). */
export function listConnection<T>(items: readonly T[], keyOf: (item: T) => string, args: PageArgs): ConnectionValue<T> {
  const size = pageSize(args);
  const after = args.after != null ? decode(args.after, 'after') : undefined;
  const before = args.before != null ? decode(args.before, 'before') : undefined;
  const sorted = items.map((item) => ({ key: keyOf(item), item })).sort((a, b) => byKey(a.key, b.key));
  const window = sorted.filter(({ key }) => (after === undefined || byKey(key, after) > 0) && (before === undefined || byKey(key, before) < 0));
  const page = size.first !== undefined ? window.slice(0, size.first) : window.slice(Math.max(0, window.length - size.last));
  const firstIndex = sorted.indexOf(page[0]!);
  const lastIndex = sorted.indexOf(page[page.length - 1]!);
  const edges = page.map(({ key, item }) => ({ cursor: encode(key), node: item }));
  return {
    edges,
    pageInfo: {
      // Items beyond the page in the whole list, whichever bound the page was cut by.
      hasNextPage: page.length > 0 && lastIndex < sorted.length - 1,
      hasPreviousPage: page.length > 0 && firstIndex > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}
