/**
 * Resolvers with an argument answer synchronously when their result is at
 * hand: type-graphql's argument step is patched (patches/type-graphql+*.patch,
 * applied by `npm ci`) so that an unvalidated argument adds no promise. An
 * aggregation's hundreds of `sum(unit:)` fields, and a catalog page's money
 * fields, would otherwise each make graphql-js wait on a promise.
 */
import 'reflect-metadata';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../../schema/build-schema.js';

describe('resolvers with arguments', () => {
  it('answers MoneyStatistics.sum(unit:) without a promise', async () => {
    const schema = await buildGatewaySchema();
    const type = schema.getType('MoneyStatistics');
    if (!isObjectType(type)) throw new Error('MoneyStatistics is not an object type');
    const sum = type.getFields().sum!;
    const summary = { sum: '1200.5', values: 1, min: '1200.5', max: '1200.5' };
    const answer = sum.resolve!(summary, { unit: 'YUAN' }, {}, {} as GraphQLResolveInfo);
    expect(answer).toBe('1200.50');
    expect(sum.resolve!(summary, { unit: 'WAN_YUAN' }, {}, {} as GraphQLResolveInfo)).toBe('0.120050');
  });
});
