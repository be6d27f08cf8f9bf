import { describe, it, expect } from 'vitest';
import { Decimal128, ObjectId, Long } from 'bson';
import * as q from '../../../src/embedded-mongo/query/index.js';
describe('query exports', () => {
  it('every export answers a basic call as mongod would', () => {
    expect(q.compareValues(Decimal128.fromString('0.1'), 0.1)).toBe(-1);
    expect(q.keyString(1)).toBe(q.keyString(Decimal128.fromString('1.00')));
    expect(q.keyString(Long.fromNumber(1))).toBe(q.keyString(1));
    const f = q.compileFilter({ tags: 'x', a: null });
    expect(f({ tags: ['y', 'x'] })).toBe(true);
    const id = new ObjectId();
    expect(q.compileFilter({ _id: { $in: [new ObjectId(id.toHexString())] } })({ _id: id })).toBe(true);
    expect(q.applyUpdate({ _id: 1, a: 1 }, { $inc: { a: 2 } }, {}).doc).toEqual({ _id: 1, a: 3 });
    expect(q.compileProjection({ a: 1 })({ _id: 1, a: 2, b: 3 })).toEqual({ _id: 1, a: 2 });
    const it = q.runPipeline([{ a: 1 }, { a: 2 }], [{ $match: { a: { $gt: 1 } } }], { resolveCollection: () => [] });
    expect(it.next().value).toEqual({ a: 2 });
  });
});
