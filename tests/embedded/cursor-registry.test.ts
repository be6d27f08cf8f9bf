import { describe, expect, test } from 'vitest';
import type { Document } from 'bson';
import { CursorRegistry, DEFAULT_FIRST_BATCH } from '../../src/embedded-mongo/commands/cursor-registry.js';

function docs(count: number, pad = 0): Document[] {
  return Array.from({ length: count }, (_, i) => ({ i, pad: 'x'.repeat(pad) }));
}

describe('CursorRegistry', () => {
  test('a first batch defaults to 101 documents and the rest follows in getMore batches', () => {
    const cursors = new CursorRegistry();
    const first = cursors.open('d.c', docs(250)[Symbol.iterator]());
    expect(first.documents).toHaveLength(DEFAULT_FIRST_BATCH);
    expect(first.cursorId.isZero()).toBe(false);
    const cursor = cursors.get(first.cursorId)!;
    const second = cursors.next(cursor, 100);
    expect(second.documents[0]).toMatchObject({ i: 101 });
    expect(second.cursorId.equals(first.cursorId)).toBe(true);
    const last = cursors.next(cursor, 100);
    expect(last.documents).toHaveLength(49);
    expect(last.cursorId.isZero()).toBe(true);
    expect(cursors.get(first.cursorId)).toBeUndefined();
    cursors.closeAll();
  });

  test('a batch stops before exceeding 16 MiB but always carries at least one document', () => {
    const cursors = new CursorRegistry();
    const first = cursors.open('d.c', docs(5, 6 * 1024 * 1024)[Symbol.iterator](), { firstBatchSize: 10 });
    expect(first.documents).toHaveLength(2);
    const next = cursors.next(cursors.get(first.cursorId)!, 0);
    expect(next.documents).toHaveLength(2);
    cursors.closeAll();
  });

  test('an exhausted stream or a single batch registers no cursor', () => {
    const cursors = new CursorRegistry();
    expect(cursors.open('d.c', docs(3)[Symbol.iterator]()).cursorId.isZero()).toBe(true);
    expect(cursors.open('d.c', docs(300)[Symbol.iterator](), { singleBatch: true }).cursorId.isZero()).toBe(true);
    expect(cursors.size).toBe(0);
    cursors.closeAll();
  });

  test('cursors idle past the timeout are closed, unless opened without timeout', () => {
    const cursors = new CursorRegistry(1_000);
    let closed = 0;
    const source = (): Iterator<Document> => {
      const inner = docs(10)[Symbol.iterator]();
      return { next: () => inner.next(), return: () => (closed++, { done: true, value: undefined }) };
    };
    const idle = cursors.open('d.c', source(), { firstBatchSize: 1 });
    const kept = cursors.open('d.c', source(), { firstBatchSize: 1, noTimeout: true });
    cursors.sweep(Date.now() + 2_000);
    expect(cursors.get(idle.cursorId)).toBeUndefined();
    expect(cursors.get(kept.cursorId)).toBeDefined();
    expect(closed).toBe(1);
    cursors.closeAll();
    expect(closed).toBe(2);
  });

  test('cursor ids are distinct, positive 64-bit values', () => {
    const cursors = new CursorRegistry();
    const ids = Array.from({ length: 50 }, () => cursors.open('d.c', docs(5)[Symbol.iterator](), { firstBatchSize: 1 }).cursorId);
    expect(new Set(ids.map(String)).size).toBe(50);
    for (const id of ids) expect(id.isNegative() || id.isZero()).toBe(false);
    cursors.closeAll();
  });
});
