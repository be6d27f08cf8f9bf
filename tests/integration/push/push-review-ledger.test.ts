/**
 * Department pushes, review, withdrawal and the ledger over HTTP with real
 * credentials (API keys in the gateway's store): a mixed batch with exact
 * outcomes, other departments' records, public reads that never show an
 * unreviewed or withdrawn record (list, search, counts, summary, node,
 * organization catalogs and linked records), review, withdrawal, the
 * ledger, revisions, and reads after a write in the same request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey, issueRoleKeys, jwtHeaders, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const FINANCE = 'org-neicuo-czs';
const PLANNING = 'org-neicuo-gjb';
const TOWN_GID = Buffer.from('Organization:org-neicuo', 'utf8').toString('base64url');
const FINANCE_GID = Buffer.from(`Organization:${FINANCE}`, 'utf8').toString('base64url');
const MARK = '推送核验专用';

let gw: TestGateway;
let financeKey: IssuedKey;
let planningKey: IssuedKey;
let roles: Awaited<ReturnType<typeof issueRoleKeys>>;

interface Outcome {
  index: number;
  sourceId: string | null;
  version: number | string | null;
  outcome: string;
  recordId: string | null;
  submissionId: string | null;
  state: string | null;
  error: { code: string; message: string; path: string | null } | null;
  errors: Array<{ code: string; path: string | null }>;
}
interface PushData {
  push: { totals: Record<string, number>; outcomes: Outcome[] };
}

const PUSH_STATEMENTS = `mutation Push($records: [ThreePublicExpenseStatementPushInput!]!) {
  push: pushThreePublicExpenseStatements(records: $records) {
    totals { created updated unchanged rejected }
    outcomes { index sourceId version outcome recordId submissionId state error { code message path } errors { code path } }
  }
}`;

function statement(sourceId: string, version: number | string, month: number, overrides: Record<string, unknown> = {}) {
  return {
    sourceId,
    version,
    organizationId: FINANCE,
    phase: 'FINAL',
    year: 2016,
    month,
    title: `${MARK}2016年${month}月三公经费`,
    items: [
      { item: 'VEHICLE_OPERATION', amount: '1000.00', vehiclesHeld: 6 },
      { item: 'OFFICIAL_RECEPTION', amount: '250.50', receptions: 2, guests: 9 },
    ],
    ...overrides,
  };
}

async function ok<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  const result = await gw.graphql<T>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** What the public can learn of the marked records, through every read path. */
async function publicView(recordGid: string) {
  const data = await ok<{
    search: { totalCount: number; edges: Array<{ node: { id: string } }> };
    fiscal: { totalCount: number };
    summary: { total: number; categories: Array<{ name: string; count: number }> };
    node: { id: string; items?: Array<{ amount: string }> } | null;
    finance: { disclosures: { totalCount: number }; threePublicExpenseStatements: { totalCount: number } } | null;
    town: { disclosures: { totalCount: number } } | null;
  }>(
    `query View($id: ID!, $town: ID!, $finance: ID!) {
      search: disclosures(first: 50, filter: { search: "${MARK}" }) { totalCount edges { node { id } } }
      fiscal: disclosures(first: 1, filter: { categories: ["FISCAL_FUNDS"] }) { totalCount }
      summary: catalogSummary(organizationId: $town) { total categories { name count } }
      node(id: $id) { id ... on ThreePublicExpenseStatement { items { amount } } }
      finance: node(id: $finance) { ... on Organization { disclosures(first: 1) { totalCount } threePublicExpenseStatements(first: 50) { totalCount } } }
      town: node(id: $town) { ... on Organization { disclosures(first: 1) { totalCount } } }
    }`,
    { id: recordGid, town: TOWN_GID, finance: FINANCE_GID },
  );
  return data;
}

beforeAll(async () => {
  gw = await startTestGateway({ seed: true, directPublication: [PLANNING] });
  financeKey = await issueKey(gw, { role: 'department', organizationId: FINANCE, stores: ['finance'], sourceSystem: '财务核算系统' });
  planningKey = await issueKey(gw, { role: 'department', organizationId: PLANNING, stores: ['finance', 'procurement'], sourceSystem: '规建办系统' });
  roles = await issueRoleKeys(gw);
});

afterAll(async () => {
  await gw?.stop();
});

describe('push, review, withdrawal and the ledger', () => {
  let baseline: Awaited<ReturnType<typeof publicView>>;
  let s3: Outcome;

  it('answers a mixed batch with exact per-record outcomes and totals', async () => {
    baseline = await publicView(Buffer.from('ThreePublicExpenseStatement:none', 'utf8').toString('base64url'));
    const first = await ok<PushData>(PUSH_STATEMENTS, { records: [statement('s-1', 1, 1), statement('s-2', 5, 2), statement('s-3', 1, 3)] }, financeKey.headers);
    expect(first.push.totals).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.push.outcomes.map((o) => o.state)).toEqual(['PENDING_REVIEW', 'PENDING_REVIEW', 'PENDING_REVIEW']);

    const mixed = await ok<PushData>(
      PUSH_STATEMENTS,
      {
        records: [
          statement('s-1', 1, 1), // a retry
          statement('s-2', 4, 2), // older than 5
          statement('s-4', 1, 4, { phase: 'AUDITED', items: [{ item: 'VEHICLE_OPERATION', amount: '-1.00' }] }),
          statement('s-5', 1, 5, { organizationId: PLANNING }),
          statement('s-6', 1, 6),
          statement('s-3', 2, 3, { items: [{ item: 'VEHICLE_OPERATION', amount: '1100.00', vehiclesHeld: 6 }] }),
        ],
      },
      financeKey.headers,
    );
    expect(mixed.push.totals).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 3 });
    expect(mixed.push.outcomes.map((o) => [o.index, o.sourceId, o.version, o.outcome, o.error?.code ?? null, o.error?.path ?? null])).toEqual([
      [0, 's-1', 1, 'UNCHANGED', null, null],
      [1, 's-2', 4, 'REJECTED', 'STALE_VERSION', 'version'],
      [2, 's-4', 1, 'REJECTED', 'INVALID_RECORD', 'phase'],
      [3, 's-5', 1, 'REJECTED', 'FORBIDDEN', 'organizationId'],
      [4, 's-6', 1, 'CREATED', null, null],
      [5, 's-3', 2, 'UPDATED', null, null],
    ]);
    expect(mixed.push.outcomes[2]!.errors).toEqual([
      { code: 'INVALID_RECORD', path: 'phase' },
      { code: 'INVALID_RECORD', path: 'items[0].amount' },
    ]);
    s3 = mixed.push.outcomes[5]!;
    expect(s3.recordId).toBe(first.push.outcomes[2]!.recordId);

    const dates = await ok<PushData>(
      `mutation($records: [FundAllocationPushInput!]!) { push: pushFundAllocations(records: $records) { totals { created updated unchanged rejected } outcomes { index sourceId version outcome recordId submissionId state error { code message path } errors { code path } } } }`,
      { records: [{ sourceId: 'a-1', version: '2016-03-01T08:00:00+08:00', organizationId: FINANCE, recipientOrganizationId: 'org-neicuo-v-xucuo', purpose: '运转经费', amount: '3000.00', date: '2015-02-30' }] },
      financeKey.headers,
    );
    expect(dates.push.outcomes[0]!.error).toEqual({ code: 'INVALID_RECORD', path: 'date', message: 'date is not a day of the calendar: 2015-02-30' });
  });

  it("refuses a department's records of another organization or store per record, and the public, analysts, revoked keys and expired tokens as a whole", async () => {
    const otherStore = await ok<PushData>(
      `mutation($records: [AppointmentPushInput!]!) { push: pushAppointments(records: $records) { totals { created updated unchanged rejected } outcomes { index sourceId version outcome recordId submissionId state error { code message path } errors { code path } } } }`,
      {
        records: [
          {
            sourceId: 'ap-1',
            version: 1,
            organizationId: PLANNING,
            action: 'APPOINT',
            person: { id: 'person-900', name: '测试员', gender: 'MALE', birthYear: 1990 },
            post: { id: 'post-900', label: '测试岗', organizationId: PLANNING },
            effectiveDate: '2016-03-01',
            documentNumber: '内委〔2016〕1号',
          },
        ],
      },
      planningKey.headers,
    );
    expect(otherStore.push.outcomes[0]!.error?.code).toBe('FORBIDDEN');
    const anonymous = await gw.graphql(PUSH_STATEMENTS, { records: [statement('x-1', 1, 1)] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const analyst = await gw.graphql(PUSH_STATEMENTS, { records: [statement('x-1', 1, 1)] }, roles.analyst.headers);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revoked = await issueKey(gw, { role: 'department', organizationId: FINANCE, stores: ['finance'] });
    await gw.stores.credentials.revoke(revoked.id, '泄露');
    const byRevoked = await gw.graphql(PUSH_STATEMENTS, { records: [statement('x-1', 1, 1)] }, revoked.headers);
    expect([byRevoked.status, byRevoked.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const expired = await jwtHeaders({ role: 'department', org: FINANCE, stores: ['finance'] }, { expiresAt: new Date(Date.now() - 3_600_000) });
    const byExpired = await gw.graphql(PUSH_STATEMENTS, { records: [statement('x-1', 1, 1)] }, expired);
    expect([byExpired.status, byExpired.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const byJwt = await gw.graphql<PushData>(PUSH_STATEMENTS, { records: [statement('x-1', 1, 1, { organizationId: PLANNING })] }, await jwtHeaders({ role: 'department', org: FINANCE, stores: ['finance'], src: '财务核算系统' }));
    expect(byJwt.data?.push.outcomes[0]?.error?.code).toBe('FORBIDDEN');
  });

  it('refuses a batch over 1,000 records as a whole, naming the limit and the count', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => statement(`big-${i}`, 1, 1));
    const result = await gw.graphql(PUSH_STATEMENTS, { records }, financeKey.headers);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 1000, actual: 1001 });
    const queue = await ok<{ submissions: { totalCount: number } }>(`{ submissions(first: 1) { totalCount } }`, {}, roles.reviewer.headers);
    expect(queue.submissions.totalCount).toBe(4);
  });

  it('never shows pending or rejected records to the public, through any read', async () => {
    const view = await publicView(s3.recordId!);
    expect(view.search.totalCount).toBe(0);
    expect(view.node).toBeNull();
    expect(view.fiscal.totalCount).toBe(baseline.fiscal.totalCount);
    expect(view.summary).toEqual(baseline.summary);
    expect(view.finance).toEqual(baseline.finance);
    expect(view.town).toEqual(baseline.town);
    const state = await gw.graphql(`query($id: ID!) { node(id: $id) { ... on ThreePublicExpenseStatement { publication { state } } } }`, { id: s3.recordId });
    expect(state.data).toEqual({ node: null });
  });

  it('lets a reviewer approve the pending version, refuses a replaced one, and requires a comment to reject', async () => {
    const stale = await gw.graphql(`mutation($id: ID!) { approveRecord(id: $id, version: 1) { state } }`, { id: s3.submissionId }, roles.reviewer.headers);
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    const byDepartment = await gw.graphql(`mutation($id: ID!) { approveRecord(id: $id) { state } }`, { id: s3.submissionId }, financeKey.headers);
    expect(byDepartment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await ok<{ approveRecord: { state: string; publishedVersion: number; record: { items: Array<{ amount: string }> } } }>(
      `mutation($id: ID!) { approveRecord(id: $id, version: 2, comment: "无涉密内容") { state publishedVersion record { ... on ThreePublicExpenseStatement { items { amount } } } } }`,
      { id: s3.submissionId },
      roles.reviewer.headers,
    );
    expect(approved.approveRecord).toEqual({ state: 'APPROVED', publishedVersion: 2, record: { items: [{ amount: '1100.00' }] } });
    const again = await gw.graphql(`mutation($id: ID!) { rejectRecord(id: $id, comment: "重复") { state } }`, { id: s3.submissionId }, roles.reviewer.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const s6 = Buffer.from(`Submission:ThreePublicExpenseStatement:${FINANCE}:s-6`, 'utf8').toString('base64url');
    const blank = await gw.graphql(`mutation($id: ID!) { rejectRecord(id: $id, comment: "  ") { state } }`, { id: s6 }, roles.reviewer.headers);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'comment' });
    const rejected = await ok<{ rejectRecord: { state: string; review: { comment: string } } }>(
      `mutation($id: ID!) { rejectRecord(id: $id, comment: "含个人信息") { state review { comment } } }`,
      { id: s6 },
      roles.reviewer.headers,
    );
    expect(rejected.rejectRecord).toEqual({ state: 'REJECTED', review: { comment: '含个人信息' } });

    const view = await publicView(s3.recordId!);
    expect(view.search.edges.map((e) => e.node.id)).toEqual([s3.recordId]);
    expect(view.node?.items).toEqual([{ amount: '1100.00' }]);
    expect(view.fiscal.totalCount).toBe(baseline.fiscal.totalCount + 1);
    expect(view.finance!.threePublicExpenseStatements.totalCount).toBe(baseline.finance!.threePublicExpenseStatements.totalCount + 1);
  });

  it('keeps the approved version public while a newer one waits, and shows the review state to the department only', async () => {
    await ok<PushData>(PUSH_STATEMENTS, { records: [statement('s-3', 3, 3, { items: [{ item: 'VEHICLE_OPERATION', amount: '1200.00' }] })] }, financeKey.headers);
    const view = await publicView(s3.recordId!);
    expect(view.node?.items).toEqual([{ amount: '1100.00' }]);
    const publication = `query($id: ID!) { node(id: $id) { ... on ThreePublicExpenseStatement { publication { state version publishedVersion } } } }`;
    const own = await ok<{ node: { publication: unknown } }>(publication, { id: s3.recordId }, financeKey.headers);
    expect(own.node.publication).toEqual({ state: 'PENDING_REVIEW', version: 3, publishedVersion: 2 });
    const anonymous = await gw.graphql(publication, { id: s3.recordId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await gw.graphql(publication, { id: s3.recordId }, planningKey.headers);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stale = await gw.graphql(`mutation($id: ID!) { approveRecord(id: $id, version: 2) { state } }`, { id: s3.submissionId }, roles.reviewer.headers);
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    await ok(`mutation($id: ID!) { approveRecord(id: $id, version: 3) { state } }`, { id: s3.submissionId }, roles.reviewer.headers);
    expect((await publicView(s3.recordId!)).node?.items).toEqual([{ amount: '1200.00' }]);
  });

  it('withdraws a record with a reason: gone from every public read, kept in the ledger', async () => {
    const noReason = await gw.graphql(`mutation { withdrawRecord(kind: "ThreePublicExpenseStatement", sourceId: "s-3", reason: "") { state } }`, {}, financeKey.headers);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    const other = await gw.graphql(`mutation { withdrawRecord(kind: "ThreePublicExpenseStatement", sourceId: "s-3", reason: "x", organizationId: "${FINANCE}") { state } }`, {}, planningKey.headers);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await ok<{ withdrawRecord: { state: string; withdrawal: { reason: string }; record: unknown } }>(
      `mutation { withdrawRecord(kind: "ThreePublicExpenseStatement", sourceId: "s-3", reason: "数据有误，撤回更正") { state withdrawal { reason } record { id } } }`,
      {},
      financeKey.headers,
    );
    expect(withdrawn.withdrawRecord).toEqual({ state: 'WITHDRAWN', withdrawal: { reason: '数据有误，撤回更正' }, record: null });
    const view = await publicView(s3.recordId!);
    expect(view).toEqual({ ...baseline, node: null });
  });

  it('lists every accepted change in the ledger, newest first, with who, what and why', async () => {
    const query = `query($filter: LedgerFilter) { ledger(first: 20, filter: $filter) { totalCount edges { node { action version previousVersion principalId sourceSystem published comment reason changes { path before after } } } } }`;
    const data = await ok<{ ledger: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> } }>(query, { filter: { recordId: s3.recordId } }, roles.reviewer.headers);
    expect(data.ledger.totalCount).toBe(6);
    expect(data.ledger.edges.map((e) => [e.node.action, e.node.version, e.node.principalId, e.node.comment ?? e.node.reason ?? null])).toEqual([
      ['WITHDRAW', 3, financeKey.principalId, '数据有误，撤回更正'],
      ['APPROVE', 3, roles.reviewer.principalId, null],
      ['UPDATE', 3, financeKey.principalId, null],
      ['APPROVE', 2, roles.reviewer.principalId, '无涉密内容'],
      ['UPDATE', 2, financeKey.principalId, null],
      ['CREATE', 1, financeKey.principalId, null],
    ]);
    const update2 = data.ledger.edges[4]!.node;
    expect(update2.sourceSystem).toBe('财务核算系统');
    expect(update2.changes).toEqual([
      { path: 'items[0].amount', before: '1000.00', after: '1100.00' },
      { path: 'items[1].amount', before: '250.50', after: null },
      { path: 'items[1].guests', before: '9', after: null },
      { path: 'items[1].item', before: 'OFFICIAL_RECEPTION', after: null },
      { path: 'items[1].receptions', before: '2', after: null },
    ]);
    const own = await ok<{ ledger: { totalCount: number } }>(`{ ledger(first: 1) { totalCount } }`, {}, financeKey.headers);
    const all = await ok<{ ledger: { totalCount: number } }>(`{ ledger(first: 1) { totalCount } }`, {}, roles.admin.headers);
    expect(own.ledger.totalCount).toBe(all.ledger.totalCount);
    const foreign = await gw.graphql(`{ ledger(first: 1, filter: { organizationId: "${FINANCE}" }) { totalCount } }`, {}, planningKey.headers);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gw.graphql(`{ ledger(first: 1) { totalCount } }`, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('direct publication and reads after a write in the same request', () => {
  it('publishes at once, and a later field of the same request sees the newer version', async () => {
    const record = (version: number, amount: string) => ({ ...statement('p-1', version, 7, { organizationId: PLANNING, title: '规建办2016年7月三公经费' }), items: [{ item: 'VEHICLE_OPERATION', amount }] });
    const data = await ok<{ a: { outcomes: Array<{ state: string; record: { items: Array<{ amount: string }> } }> }; b: { outcomes: Array<{ state: string; record: { items: Array<{ amount: string }> } }> } }>(
      `mutation($v1: [ThreePublicExpenseStatementPushInput!]!, $v2: [ThreePublicExpenseStatementPushInput!]!) {
        a: pushThreePublicExpenseStatements(records: $v1) { outcomes { state record { ... on ThreePublicExpenseStatement { items { amount } } } } }
        b: pushThreePublicExpenseStatements(records: $v2) { outcomes { state record { ... on ThreePublicExpenseStatement { items { amount } } } } }
      }`,
      { v1: [record(1, '10.00')], v2: [record(2, '20.00')] },
      planningKey.headers,
    );
    expect(data.a.outcomes[0]).toEqual({ state: 'APPROVED', record: { items: [{ amount: '10.00' }] } });
    expect(data.b.outcomes[0]).toEqual({ state: 'APPROVED', record: { items: [{ amount: '20.00' }] } });
    const revisions = await ok<{ node: { revisions: Array<{ action: string; version: number; published: boolean }> } }>(
      `query($id: ID!) { node(id: $id) { ... on ThreePublicExpenseStatement { revisions { action version published } } } }`,
      { id: Buffer.from(`ThreePublicExpenseStatement:tpe-${PLANNING}-p-1`, 'utf8').toString('base64url') },
      roles.reviewer.headers,
    );
    expect(revisions.node.revisions).toEqual([
      { action: 'CREATE', version: 1, published: true },
      { action: 'UPDATE', version: 2, published: true },
    ]);
  });
});

describe('organizations a record names', () => {
  it('refuses a record naming an organization that is not in the directory, per record, and writes the others', async () => {
    const PUSH_ALLOCATIONS = `mutation($records: [FundAllocationPushInput!]!) { push: pushFundAllocations(records: $records) { totals { created updated unchanged rejected } outcomes { index sourceId version outcome recordId submissionId state error { code message path } errors { code path } } } }`;
    const allocation = (sourceId: string, recipientOrganizationId: string, organizationId = FINANCE) => ({ sourceId, version: 1, organizationId, recipientOrganizationId, purpose: '运转经费', amount: '3000.00', date: '2015-03-02' });
    const pushed = await ok<PushData>(PUSH_ALLOCATIONS, { records: [allocation('dir-1', 'org-no-such-village'), allocation('dir-2', 'org-neicuo-v-xucuo')] }, financeKey.headers);
    expect(pushed.push.totals).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(pushed.push.outcomes[0]!.error).toEqual({
      code: 'INVALID_RECORD',
      path: 'recipientOrganizationId',
      message: 'recipientOrganizationId names organization org-no-such-village, which is not in the organization directory (组织机构); nothing of this record was written.',
    });
    // Nothing of the refused record was kept: the same record with a known recipient is new.
    const again = await ok<PushData>(PUSH_ALLOCATIONS, { records: [allocation('dir-1', 'org-neicuo-v-xucuo')] }, financeKey.headers);
    expect(again.push.totals).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    // An admin may write for any organization, but only one the directory holds.
    const admin = await ok<PushData>(PUSH_ALLOCATIONS, { records: [allocation('dir-3', 'org-neicuo-v-xucuo', 'org-no-such-bureau')] }, roles.admin.headers);
    expect(admin.push.outcomes[0]!.error?.path).toBe('organizationId');
    expect(admin.push.totals.rejected).toBe(1);
  });
});
