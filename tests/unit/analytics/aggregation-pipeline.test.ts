/** The pipelines built from typed requests: client values only as operands, never as field names or operators; merging of partial groups. */
import { describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { aggregationPipeline, storedDimensions } from '../../../datasources/analytics/aggregation-pipeline.js';
import { KIND_DEFINITIONS, dimensionsOf } from '../../../datasources/analytics/analytics-kinds.js';
import type { AggregateGroup, AnalyticsKind } from '../../../datasources/analytics/analytics-request.js';
import { mergeGroups, totalOf } from '../../../datasources/analytics/partial-groups.js';

const EVIL = '{"$where":"sleep(1000)"}';

/** Every object key in a document tree. */
function keysOf(value: unknown, keys: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, keys);
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      keysOf(inner, keys);
    }
  }
  return keys;
}

describe('aggregation pipelines', () => {
  it('puts filter strings only where values go, for every kind', () => {
    const kinds: AnalyticsKind[] = ['EXPENSE', 'ALLOCATION', 'PROCUREMENT', 'APPOINTMENT', 'CATALOG_ITEM'];
    for (const kind of kinds) {
      const pipeline = aggregationPipeline(
        {
          kind,
          filter: { organizationIds: [EVIL], purpose: EVIL, recipientProject: EVIL, procurementMethodDetails: EVIL, documentNumber: EVIL, supplierIds: [EVIL] },
          groupBy: dimensionsOf(kind),
          measures: Object.keys(KIND_DEFINITIONS[kind].measures),
          visibleAt: new Date(),
        },
        [EVIL],
        10,
      );
      const keys = keysOf(pipeline);
      expect([...keys].filter((k) => k.includes('where') || k === EVIL)).toEqual([]);
      expect(JSON.stringify(pipeline)).not.toContain('$where"');
    }
  });

  it('groups the organization level through the organization and never averages in the store', () => {
    expect(storedDimensions(['ORGANIZATION_LEVEL', 'MONTH'])).toEqual(['MONTH', 'ORGANIZATION']);
    const pipeline = aggregationPipeline({ kind: 'EXPENSE', filter: {}, groupBy: ['ORGANIZATION_LEVEL'], measures: ['amount'], visibleAt: new Date() }, [], 5);
    const group = pipeline.find((stage) => '$group' in stage)!.$group as Document;
    expect(Object.keys(group._id as Document)).toEqual(['ORGANIZATION']);
    expect(JSON.stringify(pipeline)).not.toContain('$avg');
    expect(pipeline[pipeline.length - 1]).toEqual({ $limit: 6 });
  });

  it('refuses a dimension or measure the kind does not have', () => {
    expect(() => aggregationPipeline({ kind: 'APPOINTMENT', filter: {}, groupBy: ['SUPPLIER'], measures: [], visibleAt: new Date() }, [], 5)).toThrow(RangeError);
    expect(() => aggregationPipeline({ kind: 'APPOINTMENT', filter: {}, groupBy: [], measures: ['amount'], visibleAt: new Date() }, [], 5)).toThrow(RangeError);
  });
});

describe('merging partial groups', () => {
  const group = (organization: string, count: number, sum: string, values: number, min: string, max: string): AggregateGroup => ({
    key: { ORGANIZATION: organization, ORGANIZATION_LEVEL: 'DEPARTMENT' },
    count,
    measures: { amount: { sum, values, min, max } },
  });

  it('adds sums and counts and combines minima and maxima of equal keys', () => {
    const merged = mergeGroups([group('a', 2, '300.30', 2, '100.10', '200.20'), group('b', 1, '1000.00', 1, '1000.00', '1000.00')], ['ORGANIZATION_LEVEL']);
    expect(merged).toEqual([{ key: { ORGANIZATION_LEVEL: 'DEPARTMENT' }, count: 3, measures: { amount: { sum: '1300.30', values: 3, min: '100.10', max: '1000.00' } } }]);
    expect(totalOf([], ['amount'])).toEqual({ key: {}, count: 0, measures: { amount: { sum: '0', values: 0, min: null, max: null } } });
  });
});
