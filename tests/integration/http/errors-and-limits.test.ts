/**
 * How the HTTP layer answers failures, over a small schema served by the real
 * server: unexpected errors are masked with a request id that leads to the
 * log; domain errors keep their code; parts a resolver reports missing come
 * as top-level errors beside the data; mutations are refused over GET; deep
 * or expensive operations are refused before they run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, type GraphQLFieldResolver } from 'graphql';
import { SourceUnavailableError } from '../../../datasources/errors.js';
import type { GatewayContext } from '../../../src/context.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const schema = buildSchema(`
  type Query {
    ok: String
    boom: String
    storeDown: String
    partialList: [String!]!
    partialThenFails: [String!]!
    badArgument(first: Int): String
    tree: Tree
    trees(first: Int = 10): [Tree]
  }
  type Tree { name: String, child: Tree, children(first: Int = 10): [Tree] }
  type Mutation { touch: Int }
`);

function resolve(type: 'Query' | 'Mutation' | 'Tree', field: string, resolver: GraphQLFieldResolver<unknown, unknown>): void {
  const target = type === 'Query' ? schema.getQueryType() : type === 'Mutation' ? schema.getMutationType() : schema.getType('Tree');
  const fields = (target as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
  fields[field]!.resolve = resolver;
}

const leaf = { name: 'leaf' };
resolve('Query', 'ok', () => 'fine');
resolve('Query', 'boom', () => {
  throw new Error('E11000 duplicate key error collection: finance.expenses at mongodb://gateway:hunter2@10.1.2.3');
});
resolve('Query', 'storeDown', () => {
  throw Object.assign(new Error('The finance store is unavailable: connect ECONNREFUSED 127.0.0.1:1'), { code: 'SOURCE_UNAVAILABLE', source: 'finance' });
});
resolve('Query', 'partialList', (_root, _args, context, info) => {
  const { partial } = context as GatewayContext;
  // Reported twice for finance (say, by two reads of one page): the response names it once per field.
  partial.report(new SourceUnavailableError('finance', 'connect ECONNREFUSED 127.0.0.1:27018'), info.path);
  partial.report(new SourceUnavailableError('finance', 'no answer within 2000 ms'), info.path);
  partial.report(new SourceUnavailableError('procurement', 'connect ECONNREFUSED 10.1.2.3:27017'), info.path);
  return ['from office', 'from personnel'];
});
resolve('Query', 'partialThenFails', (_root, _args, context, info) => {
  (context as GatewayContext).partial.report(new Error('Catalog entry e-1 names a Procurement that its store does not hold'), info.path);
  return ['kept'];
});
resolve('Query', 'badArgument', () => {
  throw Object.assign(new Error('first must be between 1 and 200'), { code: 'BAD_USER_INPUT', argumentName: 'first' });
});
resolve('Query', 'tree', () => leaf);
resolve('Mutation', 'touch', () => 1);

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ schema, limits: { maxQueryDepth: 5, maxQueryComplexity: 500 } });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('an unexpected error', () => {
  it('is masked as INTERNAL_SERVER_ERROR with a request id that leads to the logged stack', async () => {
    const result = await gateway.graphql('{ ok boom }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: 'fine', boom: null });
    const [error] = result.errors ?? [];
    expect(error?.message).toBe('Internal server error');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = error?.extensions?.requestId;
    expect(requestId).toBe(result.headers.get('x-request-id'));
    const body = JSON.stringify(result);
    expect(body).not.toContain('hunter2');
    expect(body).not.toContain('E11000');

    const logged = gateway.logs().find((record) => record.requestId === requestId && record.level === 50);
    expect(logged, 'a log record with the same request id').toBeDefined();
    const err = logged!.err as { message: string; stack: string };
    expect(err.message).toContain('E11000');
    expect(err.stack).toContain('errors-and-limits.test.ts');
  });
});

describe('a domain error', () => {
  it('keeps SOURCE_UNAVAILABLE and the store it names, without the driver text', async () => {
    const result = await gateway.graphql('{ ok storeDown }');
    expect(result.data).toEqual({ ok: 'fine', storeDown: null });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', source: 'finance' });
    expect(result.errors?.[0]?.message).not.toContain('127.0.0.1');
  });

  it('keeps BAD_USER_INPUT and the argument name', async () => {
    const result = await gateway.graphql('{ badArgument(first: 500) }');
    expect(result.errors?.[0]).toMatchObject({ message: 'first must be between 1 and 200', extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  });
});

describe('a partial result', () => {
  it('keeps the items it has and carries one SOURCE_UNAVAILABLE error per store at the partial field, without driver text', async () => {
    const result = await gateway.graphql('{ ok partialList again: partialList }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: 'fine', partialList: ['from office', 'from personnel'], again: ['from office', 'from personnel'] });
    const errors = result.errors ?? [];
    expect(errors.map((e) => [e.path, e.extensions])).toEqual([
      [['partialList'], { code: 'SOURCE_UNAVAILABLE', source: 'finance' }],
      [['partialList'], { code: 'SOURCE_UNAVAILABLE', source: 'procurement' }],
      [['again'], { code: 'SOURCE_UNAVAILABLE', source: 'finance' }],
      [['again'], { code: 'SOURCE_UNAVAILABLE', source: 'procurement' }],
    ]);
    expect(errors[0]!.message).toContain('finance');
    const body = JSON.stringify(result);
    for (const leak of ['127.0.0.1', '10.1.2.3', 'ECONNREFUSED', '2000 ms']) expect(body).not.toContain(leak);
    // The store's own text goes to the log, under the request id.
    const warned = gateway.logs().filter((r) => r.code === 'SOURCE_UNAVAILABLE' && r.requestId === result.headers.get('x-request-id'));
    expect(warned).toHaveLength(4);
  });

  it('comes after the errors of fields that failed', async () => {
    const result = await gateway.graphql('{ storeDown partialList }');
    expect(result.errors?.map((e) => e.path)).toEqual([['storeDown'], ['partialList'], ['partialList']]);
  });

  it('masks a reported error that is not addressed to clients, like any other', async () => {
    const result = await gateway.graphql('{ partialThenFails }');
    expect(result.data).toEqual({ partialThenFails: ['kept'] });
    expect(result.errors).toEqual([
      { message: 'Internal server error', path: ['partialThenFails'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: result.headers.get('x-request-id') } },
    ]);
  });

  it('is not carried into the next request', async () => {
    await gateway.graphql('{ partialList }');
    const result = await gateway.graphql('{ ok }');
    expect(result.errors).toBeUndefined();
  });
});

describe('a mutation over GET', () => {
  it('is refused with 405 and Allow: POST', async () => {
    const response = await gateway.fetch(`/graphql?query=${encodeURIComponent('mutation { touch }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('runs over POST', async () => {
    const result = await gateway.graphql('mutation { touch }');
    expect(result.data).toEqual({ touch: 1 });
  });
});

describe('query limits', () => {
  it('refuses an operation deeper than the limit with QUERY_TOO_DEEP, before running it', async () => {
    const result = await gateway.graphql('{ tree { child { child { child { child { child { name } } } } } } }');
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 5, actual: 7 });
  });

  it('counts depth through fragments', async () => {
    const result = await gateway.graphql('{ tree { ...Deep } } fragment Deep on Tree { child { child { child { child { child { name } } } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('accepts an operation at the limit', async () => {
    const result = await gateway.graphql('{ tree { child { child { child { name } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ tree: { child: null } });
  });

  it('refuses nested pages whose sizes multiply past the limit with QUERY_TOO_COMPLEX', async () => {
    const result = await gateway.graphql('{ trees(first: 50) { children(first: 50) { name } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await gateway.graphql('{ trees(first: 5) { children(first: 5) { name } } }');
    expect(small.errors).toBeUndefined();
  });

  it('refuses an operation with more fields than the estimator will walk', async () => {
    const fields = Array.from({ length: 10_001 }, (_, i) => `f${i}: ok`).join(' ');
    const result = await gateway.graphql(`{ ${fields} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('uses page-size variables when estimating', async () => {
    const query = 'query Pages($n: Int) { trees(first: $n) { children(first: $n) { name } } }';
    expect((await gateway.graphql(query, { n: 5 })).errors).toBeUndefined();
    expect((await gateway.graphql(query, { n: 100 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // Measures are kept per operation and variables: asked again, each answer is the same as the first time.
    expect((await gateway.graphql(query, { n: 5 })).errors).toBeUndefined();
    expect((await gateway.graphql(query, { n: 100 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await gateway.graphql(query, { n: '5' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gateway.graphql(query, { n: '5' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
