/**
 * With the office store down, its kinds fail the way every store does: a
 * SOURCE_UNAVAILABLE error naming the store beside what the other stores
 * answered, 503 from the download route; never a crash. Before that, a
 * download revalidated with its ETag answers 304.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('the office store down', () => {
  it('a download revalidated with its ETag is 304 while the store answers', async () => {
    const first = await gateway.fetch('/attachments/att-2015-033-1');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const again = await gateway.fetch('/attachments/att-2015-033-1', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('reports SOURCE_UNAVAILABLE for office reads and keeps the other stores\' records', async () => {
    await gateway.servers.office!.stop();
    const totals = await gateway.graphql(`{ broadcastTotals { channel messages } }`);
    expect(totals.status).toBe(200);
    expect(totals.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'office' });

    const items = await gateway.graphql(`{ powerListItems { totalCount } }`);
    expect(items.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'office' });

    const mixed = await gateway.graphql<{ disclosures: { edges: Array<{ node: { __typename: string } }> } }>(
      `{ disclosures(first: 10, filter: { kinds: [PolicyDocument, FundAllocation] }) { edges { node { __typename } } } }`,
    );
    expect(mixed.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', source: 'office' })]);
    expect(new Set(mixed.data!.disclosures.edges.map((e) => e.node.__typename))).toEqual(new Set(['FundAllocation']));

    const download = await gateway.fetch('/attachments/att-2015-033-1');
    expect(download.status).toBe(503);
    expect(((await download.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', source: 'office' });
  });
});
