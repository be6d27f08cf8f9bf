import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueKey, issueRoleKeys, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { codes, freezeClock, globalOrganizationId, insertApplications, NOW, OFFICE_DEPARTMENT, replay, TOWN } from './application-fixtures.js';

let gateway: TestGateway;
let office: IssuedKey;
let admin: IssuedKey;

const OVERDUE = `query($org: ID) { overdueApplications(organizationId: $org) { trackingNumber state clock { dueDate workingDaysLeft overdue } } }`;
const DUE_WITHIN = `query($d: Int!) { applicationsDueWithin(workingDays: $d) { trackingNumber clock { dueDate workingDaysLeft } } }`;

beforeAll(async () => {
  freezeClock();
  gateway = await startTestGateway({ seed: true });
  office = await issueKey(gateway, { role: 'department', organizationId: OFFICE_DEPARTMENT, stores: ['office'] });
  admin = (await issueRoleKeys(gateway)).admin;
  await insertApplications(gateway, [
    // Due Tuesday 17 November (20 working days after Tuesday 20 October): six working days overdue on the 25th.
    replay('YSQ-20261020-OVERDA', { receivedOn: '2026-10-20' }),
    // The same, addressed to the district: not the town office's to handle.
    replay('YSQ-20261020-DISTRA', { receivedOn: '2026-10-20', organizationId: 'org-xiangan' }),
    // Due today.
    replay('YSQ-20261028-TODAYA', { receivedOn: '2026-10-28' }),
    // Due Monday 30 November: three working days left.
    replay('YSQ-20261102-THREEA', { receivedOn: '2026-11-02' }),
    // Seventeen working days left.
    replay('YSQ-20261120-LATERA', { receivedOn: '2026-11-20' }),
    // Paused by a consultation since 22 October: neither overdue nor due.
    replay('YSQ-20261020-PAUSED', { receivedOn: '2026-10-20', steps: [{ action: 'CONSULT_OTHER_AGENCY', on: '2026-10-22', reason: '征求区自然资源局意见' }] }),
    // Extended by 10 working days on 16 November: due 1 December.
    replay('YSQ-20261020-EXTEND', { receivedOn: '2026-10-20', steps: [{ action: 'EXTEND', on: '2026-11-16', reason: '经负责人同意延期', workingDays: 10 }] }),
    // Answered: the clock stopped.
    replay('YSQ-20261020-ANSWER', {
      receivedOn: '2026-10-20',
      steps: [{ action: 'ANSWER', on: '2026-11-10', reason: null, answer: { outcome: 'GRANTED', reason: null, replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] } }],
    }),
  ]);
});

afterAll(async () => {
  await gateway?.stop();
  vi.useRealTimers();
});

describe('overdue applications', () => {
  it('lists the open applications past their due date that the office handles', async () => {
    const result = await gateway.graphql(OVERDUE, {}, office.headers);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ overdueApplications: [{ trackingNumber: 'YSQ-20261020-OVERDA', state: 'REGISTERED', clock: { dueDate: '2026-11-17', workingDaysLeft: -6, overdue: true } }] });
  });

  it('lists every organization for an admin, or the one asked for', async () => {
    const all = await gateway.graphql<{ overdueApplications: Array<{ trackingNumber: string }> }>(OVERDUE, {}, admin.headers);
    expect(all.data!.overdueApplications.map((a) => a.trackingNumber)).toEqual(['YSQ-20261020-DISTRA', 'YSQ-20261020-OVERDA']);
    const district = await gateway.graphql<{ overdueApplications: Array<{ trackingNumber: string }> }>(OVERDUE, { org: globalOrganizationId('org-xiangan') }, admin.headers);
    expect(district.data!.overdueApplications.map((a) => a.trackingNumber)).toEqual(['YSQ-20261020-DISTRA']);
    const refused = await gateway.graphql(OVERDUE, { org: globalOrganizationId('org-xiangan') }, office.headers);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'organizationId' });
  });

  it('reaches the government above a department, not above a town', async () => {
    const townKey = await issueKey(gateway, { role: 'department', organizationId: TOWN, stores: ['office'] });
    const seen = await gateway.graphql<{ overdueApplications: Array<{ trackingNumber: string }> }>(OVERDUE, {}, townKey.headers);
    expect(seen.data!.overdueApplications.map((a) => a.trackingNumber)).toEqual(['YSQ-20261020-OVERDA']);
  });

  it('is not for the public', async () => {
    expect(codes(await gateway.graphql(OVERDUE, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('applications due soon', () => {
  it('lists running applications due within the working days asked, soonest first', async () => {
    const within = async (d: number) => (await gateway.graphql<{ applicationsDueWithin: Array<{ trackingNumber: string; clock: Record<string, unknown> }> }>(DUE_WITHIN, { d }, office.headers)).data!.applicationsDueWithin;
    expect(await within(0)).toEqual([{ trackingNumber: 'YSQ-20261028-TODAYA', clock: { dueDate: '2026-11-25', workingDaysLeft: 0 } }]);
    expect(await within(4)).toEqual([
      { trackingNumber: 'YSQ-20261028-TODAYA', clock: { dueDate: '2026-11-25', workingDaysLeft: 0 } },
      { trackingNumber: 'YSQ-20261102-THREEA', clock: { dueDate: '2026-11-30', workingDaysLeft: 3 } },
      { trackingNumber: 'YSQ-20261020-EXTEND', clock: { dueDate: '2026-12-01', workingDaysLeft: 4 } },
    ]);
    const bad = await gateway.graphql(DUE_WITHIN, { d: -1 }, office.headers);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'workingDays' });
  });

  it('shows a paused application with its pause and no due date', async () => {
    const result = await gateway.graphql(`{ officeApplication(trackingNumber: "YSQ-20261020-PAUSED") { state clock { state dueDate workingDaysUsed workingDaysLeft pauses { party from to workingDays } } } }`, {}, office.headers);
    expect(result.data).toEqual({
      officeApplication: { state: 'CONSULTING_OTHER_AGENCY', clock: { state: 'PAUSED', dueDate: null, workingDaysUsed: 2, workingDaysLeft: 18, pauses: [{ party: 'OTHER_AGENCY', from: '2026-10-22', to: null, workingDays: 24 }] } },
    });
  });

  it('pages the office list newest receipt first', async () => {
    const result = await gateway.graphql<{ applications: { totalCount: number; edges: Array<{ node: { trackingNumber: string } }> } }>(
      `{ applications(first: 3, states: [REGISTERED, EXTENDED]) { totalCount edges { node { trackingNumber } } } }`,
      {},
      office.headers,
    );
    expect(result.data!.applications.totalCount).toBe(5);
    expect(result.data!.applications.edges.map((e) => e.node.trackingNumber)).toEqual(['YSQ-20261120-LATERA', 'YSQ-20261102-THREEA', 'YSQ-20261028-TODAYA']);
  });
});

describe('near the end of the calendar', () => {
  it('lists and acts on applications whose due date falls in a year the calendar lacks, and refuses a window reaching into it', async () => {
    await insertApplications(gateway, [replay('YSQ-20261215-DECEMB', { receivedOn: '2026-12-15' })]);
    vi.setSystemTime(new Date('2026-12-20T02:00:00Z'));
    try {
      const overdue = await gateway.graphql<{ overdueApplications: Array<{ trackingNumber: string }> }>(OVERDUE, {}, office.headers);
      expect(overdue.errors).toBeUndefined();
      expect(overdue.data!.overdueApplications.map((a) => a.trackingNumber)).toEqual(['YSQ-20261020-OVERDA', 'YSQ-20261028-TODAYA', 'YSQ-20261102-THREEA', 'YSQ-20261020-EXTEND', 'YSQ-20261120-LATERA']);
      expect((await gateway.graphql(DUE_WITHIN, { d: 5 }, office.headers)).errors).toBeUndefined();
      const tooFar = await gateway.graphql(DUE_WITHIN, { d: 10 }, office.headers);
      expect(tooFar.errors?.[0]?.extensions).toEqual({ code: 'CALENDAR_YEAR_MISSING', year: 2027 });
      const answered = await gateway.graphql(
        `mutation { answerApplication(trackingNumber: "YSQ-20261215-DECEMB", answer: { outcome: GRANTED, replyDocument: { title: "答复书" } }) { state answer { answeredOn } clock { dueDate } } }`,
        {},
        office.headers,
      );
      expect(answered.data).toEqual({ answerApplication: { state: 'ANSWERED', answer: { answeredOn: '2026-12-20' }, clock: null } });
      expect(codes(answered)).toEqual(['CALENDAR_YEAR_MISSING']);
    } finally {
      vi.setSystemTime(NOW);
    }
  });
});

