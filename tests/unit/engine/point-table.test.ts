import { Decimal128, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { PointTable } from '../../../src/embedded-mongo/engine/point-table.js';
import { keyString } from '../../../src/embedded-mongo/query/index.js';

describe('PointTable', () => {
  it('finds a tuple under any numeric type of the same value', () => {
    const table = new PointTable();
    table.add([1], 'a');
    expect(table.get([1.0])).toEqual(['a']);
    expect(table.get([Long.fromNumber(1)])).toEqual(['a']);
    expect(table.get([Decimal128.fromString('1.00')])).toEqual(['a']);
  });

  it('never confuses a string with another value whose key string it spells', () => {
    const table = new PointTable();
    const id = new ObjectId();
    table.add([id], 'oid');
    table.add([keyString(id)], 'str');
    expect(table.get([id])).toEqual(['oid']);
    expect(table.get([keyString(id)])).toEqual(['str']);
  });

  it('keeps several records per tuple and tells whether another record holds it', () => {
    const table = new PointTable();
    table.add(['x', 2], 'r1');
    expect(table.heldByOther(['x', 2], 'r1')).toBe(false);
    expect(table.heldByOther(['x', 2], 'r2')).toBe(true);
    table.add(['x', 2], 'r2');
    expect(table.get(['x', 2]).sort()).toEqual(['r1', 'r2']);
    table.remove(['x', 2], 'r1');
    expect(table.get(['x', 2])).toEqual(['r2']);
    table.remove(['x', 2], 'r2');
    expect(table.get(['x', 2])).toEqual([]);
  });
});
