import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { operationDepth } from '../../../src/http/query-depth.js';

describe('operationDepth', () => {
  it('counts the deepest chain of fields', () => {
    expect(operationDepth(parse('{ a { b { c } } d }'))).toBe(3);
  });

  it('follows named and inline fragments without counting them as levels', () => {
    const document = parse('query Q { a { ...F } } fragment F on A { ... on A { b { c { d } } } }');
    expect(operationDepth(document, 'Q')).toBe(4);
  });

  it('measures only the named operation', () => {
    const document = parse('query Shallow { a } query Deep { a { b { c } } }');
    expect(operationDepth(document, 'Shallow')).toBe(1);
    expect(operationDepth(document, 'Deep')).toBe(3);
  });

  it('ignores introspection fields, which tools nest deeply', () => {
    expect(operationDepth(parse('{ __schema { types { fields { type { ofType { ofType { name } } } } } } a }'))).toBe(1);
  });
});
