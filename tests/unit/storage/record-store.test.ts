import { Binary, Decimal128, ObjectId, deserialize, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../../src/embedded-mongo/storage/index.js';

describe('RecordStore', () => {
  it('stores documents as BSON and reads them back', () => {
    const store = new RecordStore();
    const doc = { _id: new ObjectId(), amount: Decimal128.fromString('12.50'), tags: ['a', 'b'], nested: { x: 1 } };
    const bytes = store.set('k1', doc);
    expect(Buffer.from(bytes).equals(Buffer.from(serialize(doc)))).toBe(true);
    expect(store.get('k1')).toEqual(doc);
    expect(store.has('k1')).toBe(true);
    expect(store.has('k2')).toBe(false);
    expect(store.get('k2')).toBeUndefined();
    expect(store.size).toBe(1);
    expect(store.dataBytes).toBe(bytes.byteLength);
  });

  it('hands out documents that share no memory with the stored bytes', () => {
    const store = new RecordStore();
    store.set('k', { bin: new Binary(Buffer.from([1, 2, 3])) });
    const doc = store.get('k')!;
    (doc.bin as Binary).buffer[0] = 99;
    expect([...(store.get('k')!.bin as Binary).buffer]).toEqual([1, 2, 3]);
  });

  it('deserializes with the options given at construction', () => {
    const store = new RecordStore({ deserialize: { promoteValues: false } });
    store.set('k', { n: 5 });
    expect(store.get('k')!.n).toHaveProperty('_bsontype', 'Int32');
  });

  it('replaces in place: natural order keeps the first insertion position', () => {
    const store = new RecordStore();
    store.set('a', { v: 1 });
    store.set('b', { v: 2 });
    store.set('a', { v: 3, longer: 'x'.repeat(100) });
    expect([...store.keys()]).toEqual(['a', 'b']);
    expect(store.get('a')).toEqual({ v: 3, longer: 'x'.repeat(100) });
    expect(store.dataBytes).toBe(store.getBytes('a')!.byteLength + store.getBytes('b')!.byteLength);
  });

  it('never overwrites bytes handed out earlier', () => {
    const store = new RecordStore();
    const first = store.set('a', { v: 1 });
    const copy = Buffer.from(first);
    for (let i = 0; i < 50_000; i++) store.set('a', { v: i, pad: 'y'.repeat(200) });
    store.delete('a');
    expect(Buffer.from(first).equals(copy)).toBe(true);
    expect(deserialize(first)).toEqual({ v: 1 });
  });

  it('reclaims the space of replaced documents', () => {
    const store = new RecordStore();
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 1000; i++) store.set(`k${i}`, { i, round, pad: 'z'.repeat(500) });
    }
    expect(store.size).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(store.get(`k${i}`)).toEqual({ i, round: 39, pad: 'z'.repeat(500) });
    const internals = store as unknown as { arena: { garbageBytes: number; liveBytes: number } };
    expect(internals.arena.garbageBytes).toBeLessThanOrEqual(Math.max(internals.arena.liveBytes, 8 << 20));
  });

  it('keeps garbage within half the live data under random overwrites and deletes', () => {
    const store = new RecordStore();
    const keys = 20_000;
    for (let i = 0; i < keys; i++) store.set(`k${i}`, { i, pad: 'v'.repeat(400) });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const internals = store as unknown as { arena: { garbageBytes: number; liveBytes: number } };
    let worst = 0;
    for (let n = 0; n < 200_000; n++) {
      const key = `k${Math.floor(random() * keys)}`;
      if (random() < 0.1) store.delete(key);
      else store.set(key, { n, pad: 'w'.repeat(300 + Math.floor(random() * 200)) });
      worst = Math.max(worst, internals.arena.garbageBytes - internals.arena.liveBytes / 2);
    }
    // Moves happen a few per write, so garbage may overshoot the threshold a little while a round runs.
    expect(worst).toBeLessThan(4 * 1024 * 1024 + 1024 * 1024);
    for (const [key, bytes] of store.entries()) expect(deserialize(bytes)).toEqual(store.get(key));
  });

  it('stores large documents apart and frees them on delete', () => {
    const store = new RecordStore();
    const big = { blob: 'b'.repeat(200_000) };
    store.set('big', big);
    store.set('small', { s: 1 });
    expect(store.get('big')).toEqual(big);
    expect(store.delete('big')).toBe(true);
    expect(store.delete('big')).toBe(false);
    expect(store.dataBytes).toBe(store.getBytes('small')!.byteLength);
    store.set('big2', big);
    expect(store.get('big2')).toEqual(big);
  });

  it('copies bytes given to setBytes and rejects what is not one BSON document', () => {
    const store = new RecordStore();
    const bytes = Buffer.from(serialize({ a: 1 }));
    store.setBytes('a', bytes);
    bytes.fill(0);
    expect(store.get('a')).toEqual({ a: 1 });
    expect(() => store.setBytes('b', new Uint8Array([1, 2, 3]))).toThrow(RangeError);
    expect(() => store.setBytes('b', Buffer.concat([serialize({ a: 1 }), Buffer.from([0])]))).toThrow(RangeError);
  });

  it('iterates live: deletions ahead are skipped, insertions are visited', () => {
    const store = new RecordStore();
    for (let i = 0; i < 5; i++) store.set(`k${i}`, { i });
    const seen: string[] = [];
    for (const [key, bytes] of store.entries()) {
      seen.push(key);
      expect(deserialize(bytes)).toEqual(store.get(key));
      if (key === 'k1') {
        store.delete('k3');
        store.set('k9', { i: 9 });
      }
    }
    expect(seen).toEqual(['k0', 'k1', 'k2', 'k4', 'k9']);
  });

  it('iterates live across a relocation of the documents', () => {
    const store = new RecordStore();
    for (let i = 0; i < 100; i++) store.set(`k${i}`, { i });
    const seen: number[] = [];
    for (const [key, bytes] of store.entries()) {
      const doc = deserialize(bytes);
      seen.push(doc.i as number);
      if (key === 'k10') {
        // Enough garbage to force the store to move its documents.
        for (let r = 0; r < 30; r++) store.set('churn', { pad: 'p'.repeat(60_000), r });
        for (let r = 0; r < 200; r++) store.set(`churn${r % 3}`, { pad: 'q'.repeat(60_000), r });
      }
    }
    expect(seen.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('clears everything', () => {
    const store = new RecordStore();
    store.set('a', { a: 1 });
    store.clear();
    expect(store.size).toBe(0);
    expect(store.dataBytes).toBe(0);
    expect([...store.keys()]).toEqual([]);
    store.set('b', { b: 1 });
    expect(store.get('b')).toEqual({ b: 1 });
  });
});

describe('RecordStore.snapshot', () => {
  it('keeps the contents of its moment through later writes, deletes, clears and relocations', () => {
    const store = new RecordStore();
    for (let i = 0; i < 100; i++) store.set(`k${i}`, { i });
    store.set('big', { blob: 'b'.repeat(100_000) });
    const snapshot = store.snapshot();
    const before = [...store.entries()].map(([key, bytes]) => [key, deserialize(bytes)]);

    store.delete('big');
    store.set('big2', { blob: 'c'.repeat(100_000) });
    for (let r = 0; r < 300; r++) store.set(`k${r % 100}`, { r, pad: 'p'.repeat(60_000) });
    store.set('new', { n: 1 });
    store.clear();

    expect(snapshot.size).toBe(101);
    const after = [...snapshot.entries()].map(([key, bytes]) => [key, deserialize(bytes)]);
    expect(after).toEqual(before);
    expect([...snapshot.entries()]).toHaveLength(101);
  });
});

describe('RecordStore memory', () => {
  it('keeps many small collections small', () => {
    const before = process.memoryUsage().arrayBuffers;
    const stores = Array.from({ length: 2000 }, (_, i) => {
      const store = new RecordStore();
      store.set('only', { i });
      return store;
    });
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(stores.every((store) => store.size === 1)).toBe(true);
    expect(grown).toBeLessThan(32 * 1024 * 1024);
  });
});
