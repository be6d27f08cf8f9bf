/**
 * A record's own lists over the real gateway: a 三公 statement's item page
 * lists its expense lines, which are written with the statement only, so a
 * push of any other record keeps the page cached; a new version of the
 * statement drops it. The same lines reached without the statement's id,
 * or through a catalog listing, stay a listing and go on every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedKey } from '../../helpers/credentials.js';
import type { TestGateway } from '../../helpers/gateway.js';
import { DIRECT_PUBLISHER as PLANNING, publicRead, pushNewAllocation, startCachingGateway } from '../../helpers/public-cache.js';

const STATEMENT_PAGE = 'query Statement($id: ID!) { node(id: $id) { id ... on ThreePublicExpenseStatement { title total items { item amount } } } }';
/** The same lines without the statement's id: nothing in the answer names the record they belong to. */
const STATEMENT_PAGE_WITHOUT_ID = 'query Statement($id: ID!) { node(id: $id) { ... on ThreePublicExpenseStatement { title items { item amount } } } }';
const LISTED_LINES = '{ disclosures(first: 5) { edges { node { id ... on ThreePublicExpenseStatement { items { item amount } } } } } }';

let gateway: TestGateway;
let department: IssuedKey;
let statementId = '';

beforeAll(async () => {
  ({ gateway, department } = await startCachingGateway());
  statementId = await pushStatement(1, '250.50');
});

afterAll(async () => {
  await gateway?.stop();
});

/** Pushes version `version` of the planning office's December statement; returns its global id. */
async function pushStatement(version: number, amount: string): Promise<string> {
  const pushed = await gateway.graphql<{ push: { outcomes: Array<{ recordId: string; outcome: string }> } }>(
    `mutation($records: [ThreePublicExpenseStatementPushInput!]!) { push: pushThreePublicExpenseStatements(records: $records) { outcomes { recordId outcome } } }`,
    { records: [{ sourceId: 'own-parts-s', version, organizationId: PLANNING, phase: 'FINAL', year: 2015, month: 12, title: '规建办2015年12月三公经费', items: [{ item: 'OFFICIAL_RECEPTION', amount, receptions: 2, guests: 9 }] }] },
    department.headers,
  );
  expect(pushed.errors).toBeUndefined();
  const [outcome] = pushed.data!.push.outcomes;
  expect(outcome!.outcome).toBe(version === 1 ? 'CREATED' : 'UPDATED');
  return outcome!.recordId;
}

type StatementPage = { node: { title: string; items: Array<{ item: string; amount: string }> } | null };

describe('a record’s own lists in cached answers', () => {
  it('keeps a statement’s page with its lines through a push of another record, and drops it on a new version of the statement', async () => {
    const first = await publicRead<StatementPage>(gateway, STATEMENT_PAGE, { id: statementId });
    expect(first.cache).toBe('MISS');
    expect(first.body.data.node!.items).toEqual([{ item: 'OFFICIAL_RECEPTION', amount: '250.50' }]);
    expect((await publicRead(gateway, STATEMENT_PAGE, { id: statementId })).cache).toBe('HIT');

    await pushNewAllocation(gateway, department, 'own-parts-a1');
    expect((await publicRead(gateway, STATEMENT_PAGE, { id: statementId })).cache).toBe('HIT');

    await pushStatement(2, '260.00');
    const corrected = await publicRead<StatementPage>(gateway, STATEMENT_PAGE, { id: statementId });
    expect(corrected.cache).toBe('MISS');
    expect(corrected.body.data.node!.items).toEqual([{ item: 'OFFICIAL_RECEPTION', amount: '260.00' }]);
  });

  it('treats the lines as a listing when the answer does not name their statement, or lists statements', async () => {
    const reads: Array<[string, Record<string, unknown>]> = [[STATEMENT_PAGE_WITHOUT_ID, { id: statementId }], [LISTED_LINES, {}]];
    for (const [query, variables] of reads) {
      await publicRead(gateway, query, variables);
      expect((await publicRead(gateway, query, variables)).cache, query).toBe('HIT');
    }
    await pushNewAllocation(gateway, department, 'own-parts-a2');
    // The statement's id is only asked for (a variable), not shown: the answer is read as a listing, as before.
    for (const [query, variables] of reads) expect((await publicRead(gateway, query, variables)).cache, query).toBe('MISS');
  });
});
