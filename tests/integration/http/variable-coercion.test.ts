/** Variables that do not fit their declared types are the client's mistake: 400 BAD_USER_INPUT naming the variable, never a masked 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.stop();
});

const PAGE = 'query Page($order: DisclosureOrder) { disclosures(first: 1, orderBy: $order) { totalCount } }';

describe('a variable of the wrong type', () => {
  it('with an unknown enum value is refused with BAD_USER_INPUT naming the variable', async () => {
    const result = await gateway.graphql(PAGE, { order: { field: 'NOPE', direction: 'DESC' } });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('$order');
  });

  it('with a string where an input object belongs is refused the same way', async () => {
    const result = await gateway.graphql(PAGE, { order: 'newest' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('with a valid value runs', async () => {
    const result = await gateway.graphql(PAGE, { order: { field: 'PUBLISHED_AT', direction: 'ASC' } });
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});
