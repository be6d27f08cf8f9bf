import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCatalogCursor, encodeCatalogCursor } from '../../../resolvers/catalog-cursor.js';
import { categoryCode } from '../../../resolvers/disclosure-filter.js';
import { fromGlobalId, recordIdOf, toGlobalId } from '../../../resolvers/global-id.js';
import { pageSize } from '../../../resolvers/page-size.js';

function badInput(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('global ids', () => {
  it('round-trip the type and the record id, which may contain colons', () => {
    const id = toGlobalId('Procurement', 'ocds:2015:1');
    expect(fromGlobalId(id, 'id')).toEqual({ type: 'Procurement', id: 'ocds:2015:1' });
    expect(recordIdOf(id, 'Procurement', 'id')).toBe('ocds:2015:1');
  });

  it('a malformed id or one of another type is BAD_USER_INPUT naming the argument', () => {
    expect(badInput(() => fromGlobalId('not an id!', 'id'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(badInput(() => fromGlobalId(Buffer.from('nocolon').toString('base64url'), 'ids'))).toMatchObject({ argumentName: 'ids' });
    expect(badInput(() => recordIdOf(toGlobalId('Person', 'p1'), 'Organization', 'filter.organizationId'))).toMatchObject({
      argumentName: 'filter.organizationId',
    });
  });
});

describe('catalog cursors', () => {
  const order = { field: 'publishedAt', direction: -1 } as const;

  it('round-trip a position', () => {
    const position = { value: new Date('2015-03-27T02:00:00.000Z'), id: 'doc-2015-026' };
    expect(decodeCatalogCursor(encodeCatalogCursor(order, position), order, 'after')).toEqual(position);
  });

  it('a cursor that does not parse, or belongs to another order, is BAD_USER_INPUT', () => {
    expect(badInput(() => decodeCatalogCursor('garbage!', order, 'after'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(badInput(() => decodeCatalogCursor(Buffer.from('{"o":1}').toString('base64url'), order, 'before'))).toMatchObject({ argumentName: 'before' });
    const other = encodeCatalogCursor({ field: 'indexNumber', direction: 1 }, { value: 'XA', id: 'x' });
    expect(badInput(() => decodeCatalogCursor(other, order, 'after'))).toMatchObject({ argumentName: 'after' });
  });
});

describe('page sizes', () => {
  it('default to 20 and accept up to 200', () => {
    expect(pageSize({})).toEqual({ first: 20 });
    expect(pageSize({ first: 200 })).toEqual({ first: 200 });
    expect(pageSize({ last: 5 })).toEqual({ last: 5 });
  });

  it('over the limit, negative, or first with last is BAD_USER_INPUT naming the argument', () => {
    expect(badInput(() => pageSize({ first: 201 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first', limit: 200, actual: 201 });
    expect(badInput(() => pageSize({ last: -1 }))).toMatchObject({ argumentName: 'last' });
    expect(badInput(() => pageSize({ first: 1, last: 1 }))).toMatchObject({ argumentName: 'last' });
  });
});

describe('categories', () => {
  it('accept the enum value or the Chinese name', () => {
    expect(categoryCode('ORGANIZATION_PERSONNEL', 'c')).toBe('ORGANIZATION_PERSONNEL');
    expect(categoryCode('机构职能人事任免', 'c')).toBe('ORGANIZATION_PERSONNEL');
  });

  it('an unknown category is BAD_USER_INPUT listing the known ones', () => {
    const extensions = badInput(() => categoryCode('人事', 'filter.categories'));
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.categories' });
  });
});
