/** The ledger and the submissions across stores while one store is down: the others' entries, and an error naming the missing store. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueKey, issueRoleKeys } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1_000 });
});
afterAll(async () => {
  await gw?.stop();
});

it('answers with the stores that are up and names the one that is down', async () => {
  const finance = await issueKey(gw, { role: 'department', organizationId: 'org-neicuo-czs', stores: ['finance'] });
  const { reviewer } = await issueRoleKeys(gw);
  const pushed = await gw.graphql<{ pushFundAllocations: { totals: { created: number } } }>(
    `mutation { pushFundAllocations(records: [{ sourceId: "a-1", version: 1, organizationId: "org-neicuo-czs", recipientProject: "道路工程", purpose: "进度款", amount: "100.00", date: "2016-03-01" }]) { totals { created } } }`,
    {},
    finance.headers,
  );
  expect(pushed.data?.pushFundAllocations.totals.created).toBe(1);
  await gw.servers.procurement!.stop();

  const result = await gw.graphql<{ ledger: { edges: Array<{ node: { action: string; kind: string } }> }; submissions: { edges: Array<{ node: { sourceId: string } }> } }>(
    `{ ledger(first: 5) { edges { node { action kind } } } submissions(first: 5) { edges { node { sourceId } } } }`,
    {},
    reviewer.headers,
  );
  expect(result.data?.ledger.edges).toEqual([{ node: { action: 'CREATE', kind: 'FundAllocation' } }]);
  expect(result.data?.submissions.edges).toEqual([{ node: { sourceId: 'a-1' } }]);
  expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.source]).sort()).toEqual([
    ['ledger', 'SOURCE_UNAVAILABLE', 'procurement'],
    ['submissions', 'SOURCE_UNAVAILABLE', 'procurement'],
  ]);
});
