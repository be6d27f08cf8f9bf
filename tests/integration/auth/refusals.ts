/** Shared assertions of the authentication tests: what a refused credential looks like over HTTP. */
import { expect } from 'vitest';
import type { GraphQLHttpResult } from '../../helpers/gateway.js';

/** Asserts a 401 with `WWW-Authenticate: Bearer …` and one UNAUTHENTICATED error; returns its message and reason. */
export function expectRefused(result: GraphQLHttpResult<unknown>): { message: string; reason: unknown } {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe('UNAUTHENTICATED');
  return { message: error!.message, reason: error!.extensions?.reason };
}
