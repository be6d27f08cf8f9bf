import { describe, expect, it } from 'vitest';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { createErrorFormatter, PartialResults, requestScope } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { format: createErrorFormatter(logger), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** An error as graphql-js reports a resolver's throw: located, with the thrown value as originalError. */
function located(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['disclosures'] });
}

describe('formatError', () => {
  it('passes a domain error with its code and source, hiding the store failure text', () => {
    const { format, records } = capture();
    const original = Object.assign(new Error('The finance store is unavailable: connect ECONNREFUSED 127.0.0.1:27018'), { code: 'SOURCE_UNAVAILABLE', source: 'finance' });
    const formatted = format({ message: original.message, path: ['disclosures'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located(original));
    expect(formatted.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', source: 'finance' });
    expect(formatted.message).not.toContain('127.0.0.1');
    expect(formatted.message).toContain('finance');
    expect(records()[0]).toMatchObject({ level: 40, code: 'SOURCE_UNAVAILABLE', source: 'finance' });
  });

  it('passes BAD_USER_INPUT with the argument name', () => {
    const { format } = capture();
    const error = new GraphQLError('first must be at most 200', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'first', secret: 'x' } });
    const formatted = format({ message: error.message, extensions: { code: 'BAD_USER_INPUT', argumentName: 'first', secret: 'x' } }, error);
    expect(formatted).toEqual({ message: 'first must be at most 200', extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  });

  it('masks anything else with the current request id and logs it with the stack', () => {
    const { format, records } = capture();
    const original = new Error('E11000 duplicate key on mongodb://admin:pw@10.0.0.1');
    const formatted = requestScope.run({ requestId: 'req-42' }, () =>
      format({ message: original.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located(original)));
    expect(formatted).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } });
    const [record] = records();
    expect(record).toMatchObject({ level: 50, requestId: 'req-42' });
    expect(JSON.stringify(record)).toContain('E11000');
    expect((record!.err as { stack: string }).stack).toContain('error-formatter.test.ts');
  });

  it('masks errors whose code is not addressed to clients, such as a driver\'s numeric code', () => {
    const { format } = capture();
    const original = Object.assign(new Error('boom'), { code: 11000 });
    const formatted = format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located(original));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).toBe('Internal server error');
    expect(typeof formatted.extensions?.requestId).toBe('string');
  });
});

describe('PartialResults', () => {
  /** A resolver's `info.path` for these response keys. */
  const at = (...keys: Array<string | number>): GraphQLResolveInfo['path'] => {
    let path: GraphQLResolveInfo['path'] | undefined;
    for (const key of keys) path = { prev: path, key, typename: undefined };
    return path!;
  };
  const unavailable = (source: string, reason: string) => Object.assign(new Error(`The ${source} store is unavailable: ${reason}`), { code: 'SOURCE_UNAVAILABLE', source });

  it('keeps one error per field and store, at the field\'s response path', () => {
    const { format } = capture();
    const partial = new PartialResults();
    partial.report(unavailable('finance', 'connect ECONNREFUSED 127.0.0.1:1'), at('disclosures'));
    partial.report(unavailable('finance', 'no answer within 2000 ms'), at('disclosures'));
    partial.report(unavailable('finance', 'no answer within 2000 ms'), at('town', 'disclosures'));
    partial.report(unavailable('office', 'no answer within 2000 ms'), at('disclosures'));
    expect(partial.size).toBe(3);
    expect(partial.format(format).map((e) => [e.path, e.extensions])).toEqual([
      [['disclosures'], { code: 'SOURCE_UNAVAILABLE', source: 'finance' }],
      [['town', 'disclosures'], { code: 'SOURCE_UNAVAILABLE', source: 'finance' }],
      [['disclosures'], { code: 'SOURCE_UNAVAILABLE', source: 'office' }],
    ]);
  });

  it('keeps errors that name no store apart by their text, and masks them', () => {
    const { format, records } = capture();
    const partial = new PartialResults();
    partial.report(new Error('Catalog entry a names a Procurement that its store does not hold'), at('disclosures'));
    partial.report(new Error('Catalog entry b names a Procurement that its store does not hold'), at('disclosures'));
    partial.report(new Error('Catalog entry b names a Procurement that its store does not hold'), at('disclosures'));
    const formatted = requestScope.run({ requestId: 'req-7' }, () => partial.format(format));
    expect(formatted).toEqual([
      { message: 'Internal server error', path: ['disclosures'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' } },
      { message: 'Internal server error', path: ['disclosures'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' } },
    ]);
    expect(records().map((r) => (r.err as { message: string }).message)).toEqual([
      'Catalog entry a names a Procurement that its store does not hold',
      'Catalog entry b names a Procurement that its store does not hold',
    ]);
  });
});
