import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishedChange } from '../../../datasources/change-feed.js';
import { issueKey, issueRoleKeys, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { APPLICATION_FIELDS, codes, freezeClock, globalOrganizationId, NOW, OFFICE_DEPARTMENT, TOWN } from './application-fixtures.js';

const FILE = `mutation($input: FileApplicationInput!) { fileApplication(input: $input) { secret application { ${APPLICATION_FIELDS} } } }`;
const FOLLOW = `query($n: String!, $s: String!) { application(trackingNumber: $n, secret: $s) { ${APPLICATION_FIELDS} } }`;
const OFFICE_READ = `query($n: String!) { officeApplication(trackingNumber: $n) { trackingNumber state applicant { name contactPerson phone email address } } }`;

const APPLICANT = { name: '陈秀英', phone: '13900001234', email: 'chen.xiuying@example.cn', address: '厦门市翔安区内厝镇许厝村88号' };
const input = (extra: Record<string, unknown> = {}) => ({
  organizationId: globalOrganizationId(TOWN),
  applicantType: 'NATURAL_PERSON',
  applicant: APPLICANT,
  description: '申请公开内厝镇2015年征地补偿款的发放明细。',
  deliveryForm: 'EMAIL',
  ...extra,
});

let gateway: TestGateway;
let office: IssuedKey;
const publicBodies: string[] = [];

async function asPublic(query: string, variables: Record<string, unknown>) {
  const result = await gateway.graphql(query, variables);
  publicBodies.push(JSON.stringify(result));
  return result;
}

async function file(extra: Record<string, unknown> = {}) {
  const result = await asPublic(FILE, { input: input(extra) });
  expect(result.errors).toBeUndefined();
  const filed = (result.data as { fileApplication: { secret: string; application: { trackingNumber: string } & Record<string, unknown> } }).fileApplication;
  return filed;
}

beforeAll(async () => {
  freezeClock();
  gateway = await startTestGateway({ seed: true });
  office = await issueKey(gateway, { role: 'department', organizationId: OFFICE_DEPARTMENT, stores: ['office'], label: '党政办' });
});

afterAll(async () => {
  await gateway?.stop();
  vi.useRealTimers();
});

describe('filing as the public', () => {
  it('answers a tracking number, a secret shown once, and the clock: due 20 working days after today', async () => {
    const filed = await file();
    expect(filed.secret).toMatch(/^ysq_[A-Za-z0-9_-]{43}$/u);
    expect(filed.application).toMatchObject({
      trackingNumber: expect.stringMatching(/^YSQ-20261125-[A-Z0-9]{6}$/u),
      state: 'REGISTERED',
      receivedOn: '2026-11-25',
      organization: { name: '厦门市翔安区内厝镇人民政府' },
      clock: { state: 'RUNNING', dueDate: '2026-12-23', workingDaysUsed: 0, workingDaysLeft: 20, overdue: false },
      history: [{ seq: 1, action: 'FILE', fromState: null, toState: 'REGISTERED', on: '2026-11-25', by: 'applicant' }],
    });
    // Only the digest is stored.
    const stored = await gateway.stores.connections.office.run((db) => db.collection('applications').findOne({ trackingNumber: filed.application.trackingNumber }));
    expect(JSON.stringify(stored)).not.toContain(filed.secret);
  });

  it('keeps a filing whose due date falls in a year the calendar lacks, and says so at the clock', async () => {
    vi.setSystemTime(new Date('2026-12-15T02:00:00Z'));
    try {
      const result = await asPublic(FILE, { input: input() });
      const filed = (result.data as { fileApplication: { secret: string; application: { receivedOn: string; clock: unknown } } }).fileApplication;
      expect(filed.secret).toMatch(/^ysq_/u);
      expect(filed.application).toMatchObject({ receivedOn: '2026-12-15', clock: null });
      expect(result.errors).toEqual([expect.objectContaining({ path: ['fileApplication', 'application', 'clock'], extensions: { code: 'CALENDAR_YEAR_MISSING', year: 2027 } })]);
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it('refuses bad input with the field named and without repeating what was typed', async () => {
    const noContact = await asPublic(FILE, { input: input({ applicant: { name: '陈秀英' } }) });
    expect(noContact.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.applicant' });
    const badPhone = await asPublic(FILE, { input: input({ applicant: { name: '陈秀英', phone: 'call 陈秀英 at home' } }) });
    expect(badPhone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.applicant.phone' });
    expect(badPhone.errors?.[0]?.message).not.toContain('陈秀英');
    const unknownOrg = await asPublic(FILE, { input: input({ organizationId: globalOrganizationId('org-nowhere') }) });
    expect(unknownOrg.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.organizationId' });
    const emptyDescription = await asPublic(FILE, { input: input({ description: '   ' }) });
    expect(emptyDescription.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.description' });
  });
});

describe('following with the secret', () => {
  it('shows the application to whoever holds the number and the secret', async () => {
    const filed = await file();
    const followed = await asPublic(FOLLOW, { n: filed.application.trackingNumber, s: filed.secret });
    expect(followed.errors).toBeUndefined();
    expect(followed.data).toEqual({ application: filed.application });
  });

  it('fails alike for a wrong secret, an unknown number and a malformed one', async () => {
    const filed = await file();
    const wrong = await asPublic(FOLLOW, { n: filed.application.trackingNumber, s: `${filed.secret.slice(0, -1)}x` });
    const unknown = await asPublic(FOLLOW, { n: 'YSQ-20261125-AAAAAA', s: filed.secret });
    const malformed = await asPublic(FOLLOW, { n: 'nope', s: filed.secret });
    for (const result of [wrong, unknown, malformed]) {
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([expect.objectContaining({ message: 'No application with this tracking number and secret', extensions: { code: 'APPLICATION_NOT_FOUND' } })]);
    }
  });

  it('never shows the applicant on the public path, even to the applicant', async () => {
    const filed = await file();
    const asked = await asPublic(`query($n: String!, $s: String!) { application(trackingNumber: $n, secret: $s) { trackingNumber applicant { name phone } } }`, {
      n: filed.application.trackingNumber,
      s: filed.secret,
    });
    expect(codes(asked)).toEqual(['UNAUTHENTICATED']);
    expect(asked.data).toBeNull();
  });

  it('lets the applicant send a requested correction online, which restarts the period', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const correct = (s: string, description = '申请公开内厝镇许厝村2015年征地补偿款的发放明细。') =>
      asPublic(`mutation($n: String!, $s: String!, $d: String!) { correctApplication(trackingNumber: $n, secret: $s, description: $d) { state description clock { periodStartsOn dueDate corrections { requestedOn receivedOn } } history { action by reason previousDescription } } }`, { n, s, d: description });
    expect(codes(await correct(filed.secret))).toEqual(['INVALID_TRANSITION']);
    await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "请写明村名") { state } }`, { n }, office.headers);
    expect(codes(await correct('ysq_wrong'))).toEqual(['APPLICATION_NOT_FOUND']);
    expect((await correct(filed.secret, ' ')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'description' });
    const corrected = await correct(filed.secret);
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data).toMatchObject({
      correctApplication: {
        state: 'REGISTERED',
        description: '申请公开内厝镇许厝村2015年征地补偿款的发放明细。',
        clock: { periodStartsOn: '2026-11-25', dueDate: '2026-12-23', corrections: [{ requestedOn: '2026-11-25', receivedOn: '2026-11-25' }] },
      },
    });
    const history = (corrected.data as { correctApplication: { history: unknown[] } }).correctApplication.history;
    expect(history[2]).toEqual({ action: 'RECEIVE_CORRECTION', by: 'applicant', reason: '申请人在线补正', previousDescription: '申请公开内厝镇2015年征地补偿款的发放明细。' });
  });

  it('lets the applicant withdraw with the secret, and not without it', async () => {
    const filed = await file();
    const withdraw = `mutation($n: String!, $s: String!) { withdrawApplication(trackingNumber: $n, secret: $s, reason: "已通过其他渠道获取") { state clock { state stoppedOn: receivedOn } history { action by reason } } }`;
    const refused = await asPublic(withdraw, { n: filed.application.trackingNumber, s: 'ysq_wrong' });
    expect(codes(refused)).toEqual(['APPLICATION_NOT_FOUND']);
    const done = await asPublic(withdraw, { n: filed.application.trackingNumber, s: filed.secret });
    expect(done.data).toMatchObject({ withdrawApplication: { state: 'WITHDRAWN', clock: { state: 'STOPPED' }, history: [{ action: 'FILE' }, { action: 'WITHDRAW', by: 'applicant', reason: '已通过其他渠道获取' }] } });
    const again = await asPublic(withdraw, { n: filed.application.trackingNumber, s: filed.secret });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', state: 'WITHDRAWN' });
  });
});

describe('the office', () => {
  it('sees the applicant; other credentials and the public do not', async () => {
    const filed = await file({ applicantType: 'LEGAL_SERVICE_INSTITUTION', applicant: { ...APPLICANT, name: '福建某律师事务所', contactPerson: '陈秀英' } });
    const n = filed.application.trackingNumber;
    const seen = await gateway.graphql(OFFICE_READ, { n }, office.headers);
    expect(seen.data).toEqual({ officeApplication: { trackingNumber: n, state: 'REGISTERED', applicant: { name: '福建某律师事务所', contactPerson: '陈秀英', phone: APPLICANT.phone, email: APPLICANT.email, address: APPLICANT.address } } });

    const finance = await issueKey(gateway, { role: 'department', organizationId: 'org-neicuo-czs', stores: ['finance'] });
    const roles = await issueRoleKeys(gateway);
    expect(codes(await gateway.graphql(OFFICE_READ, { n }, finance.headers))).toEqual(['FORBIDDEN']);
    expect(codes(await gateway.graphql(OFFICE_READ, { n }, roles.analyst.headers))).toEqual(['FORBIDDEN']);
    expect(codes(await gateway.graphql(OFFICE_READ, { n }, roles.reviewer.headers))).toEqual(['FORBIDDEN']);
    expect(codes(await asPublic(OFFICE_READ, { n }))).toEqual(['UNAUTHENTICATED']);
    const admin = await gateway.graphql(OFFICE_READ, { n }, roles.admin.headers);
    expect(admin.data).toMatchObject({ officeApplication: { applicant: { name: '福建某律师事务所' } } });
  });

  it('consults, extends once, and is refused a second extension and one beyond 20 working days', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const act = (mutation: string) => gateway.graphql(`mutation($n: String!) { ${mutation} }`, { n }, office.headers);
    const consult = await act(`startApplicationConsultation(trackingNumber: $n, party: THIRD_PARTY, reason: "涉及第三方商业秘密，征求某公司意见") { state clock { state dueDate pauses { party from to } } }`);
    expect(consult.data).toEqual({ startApplicationConsultation: { state: 'CONSULTING_THIRD_PARTY', clock: { state: 'PAUSED', dueDate: null, pauses: [{ party: 'THIRD_PARTY', from: '2026-11-25', to: null }] } } });
    const secondConsult = await act(`startApplicationConsultation(trackingNumber: $n, party: OTHER_AGENCY, reason: "x") { state }`);
    expect(secondConsult.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', state: 'CONSULTING_THIRD_PARTY' });
    const ended = await act(`endApplicationConsultation(trackingNumber: $n) { state clock { state dueDate } }`);
    expect(ended.data).toEqual({ endApplicationConsultation: { state: 'REGISTERED', clock: { state: 'RUNNING', dueDate: '2026-12-23' } } });

    const tooLong = await act(`extendApplication(trackingNumber: $n, workingDays: 21, reason: "需要调取档案") { state }`);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'EXTENSION_TOO_LONG', argumentName: 'workingDays' });
    const noReason = await act(`extendApplication(trackingNumber: $n, workingDays: 5, reason: " ") { state }`);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    const extended = await act(`extendApplication(trackingNumber: $n, workingDays: 5, reason: "需要调取档案，经负责人同意延期") { state clock { dueDate allowedWorkingDays extension { grantedOn workingDays } } history { action fromState toState by reason workingDays } }`);
    expect(extended.errors).toBeUndefined();
    expect(extended.data).toMatchObject({
      extendApplication: {
        state: 'EXTENDED',
        clock: { dueDate: '2026-12-30', allowedWorkingDays: 25, extension: { grantedOn: '2026-11-25', workingDays: 5 } },
      },
    });
    const history = (extended.data as { extendApplication: { history: Array<Record<string, unknown>> } }).extendApplication.history;
    expect(history.map((h) => h.action)).toEqual(['FILE', 'CONSULT_THIRD_PARTY', 'END_CONSULTATION', 'EXTEND']);
    expect(history[3]).toEqual({ action: 'EXTEND', fromState: 'REGISTERED', toState: 'EXTENDED', by: office.principalId, reason: '需要调取档案，经负责人同意延期', workingDays: 5 });

    const second = await act(`extendApplication(trackingNumber: $n, workingDays: 1, reason: "再次延期") { state }`);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'EXTENSION_ALREADY_GRANTED' });
    expect(second.errors?.[0]?.message).toContain('one extension');
  });

  it('applies one of two concurrent extensions and refuses the other, with one history entry', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const extend = (days: number) => gateway.graphql(`mutation($n: String!, $d: Int!) { extendApplication(trackingNumber: $n, workingDays: $d, reason: "经负责人同意延期") { clock { allowedWorkingDays } } }`, { n, d: days }, office.headers);
    const results = await Promise.all([extend(3), extend(4), extend(5)]);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(results.flatMap(codes).sort()).toEqual(['EXTENSION_ALREADY_GRANTED', 'EXTENSION_ALREADY_GRANTED']);
    const read = await gateway.graphql<{ officeApplication: { history: Array<{ action: string }>; clock: { allowedWorkingDays: number } } }>(`query($n: String!) { officeApplication(trackingNumber: $n) { history { action } clock { allowedWorkingDays } } }`, { n }, office.headers);
    expect(read.data!.officeApplication.history.map((h) => h.action)).toEqual(['FILE', 'EXTEND']);
    const winner = results.find((r) => r.errors === undefined)!.data as { extendApplication: { clock: { allowedWorkingDays: number } } };
    expect(read.data!.officeApplication.clock.allowedWorkingDays).toBe(winner.extendApplication.clock.allowedWorkingDays);
  });

  it('refuses steps the state does not allow, and dates out of order or in the future', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const early = await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "请补充具体年份", on: "2026-11-24") { state } }`, { n }, office.headers);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'DATE_OUT_OF_ORDER', argumentName: 'on' });
    const future = await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "请补充具体年份", on: "2026-11-26") { state } }`, { n }, office.headers);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'on' });
    const notAsked = await gateway.graphql(`mutation($n: String!) { receiveApplicationCorrection(trackingNumber: $n) { state } }`, { n }, office.headers);
    expect(notAsked.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', state: 'REGISTERED' });
    const review = await gateway.graphql(`mutation($n: String!) { recordApplicationReview(trackingNumber: $n, kind: ADMINISTRATIVE_REVIEW) { state } }`, { n }, office.headers);
    expect(review.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', state: 'REGISTERED' });
    const publicStep = await asPublic(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "x") { state } }`, { n });
    expect(codes(publicStep)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers with an outcome, its reason, the reply document and disclosed records; the applicant sees the answer', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const page = await gateway.graphql<{ disclosures: { edges: Array<{ node: { id: string; title: string; __typename: string } }> } }>(
      `{ disclosures(first: 1, filter: { search: "征地" }) { edges { node { id title __typename } } } }`,
    );
    const record = page.data!.disclosures.edges[0]!.node;
    const answer = (a: string) => gateway.graphql(`mutation($n: String!) { answerApplication(trackingNumber: $n, answer: ${a}) { state answer { outcome reason answeredOn replyDocument { title documentNumber } disclosedRecords { __typename title } } } }`, { n }, office.headers);
    const missingReason = await answer(`{ outcome: REFUSED, replyDocument: { title: "不予公开告知书" } }`);
    expect(missingReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'answer.reason' });
    const wrongReason = await answer(`{ outcome: REFUSED, reason: NOT_HELD, replyDocument: { title: "不予公开告知书" } }`);
    expect(wrongReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'answer.reason' });
    const notADisclosure = await answer(`{ outcome: GRANTED, replyDocument: { title: "公开告知书" }, disclosedRecordIds: ["${globalOrganizationId(TOWN)}"] }`);
    expect(notADisclosure.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'answer.disclosedRecordIds' });

    const granted = await answer(`{ outcome: GRANTED, replyDocument: { title: "政府信息公开申请答复书", documentNumber: "内政信复〔2026〕1号" }, disclosedRecordIds: ["${record.id}"] }`);
    expect(granted.errors).toBeUndefined();
    expect(granted.data).toEqual({
      answerApplication: {
        state: 'ANSWERED',
        answer: { outcome: 'GRANTED', reason: null, answeredOn: '2026-11-25', replyDocument: { title: '政府信息公开申请答复书', documentNumber: '内政信复〔2026〕1号' }, disclosedRecords: [{ __typename: record.__typename, title: record.title }] },
      },
    });
    const followed = await asPublic(FOLLOW, { n, s: filed.secret });
    expect(followed.data).toMatchObject({ application: { state: 'ANSWERED', clock: { state: 'STOPPED', overdue: false }, answer: { outcome: 'GRANTED' } } });

    const reviewed = await gateway.graphql(`mutation($n: String!) { recordApplicationReview(trackingNumber: $n, kind: ADMINISTRATIVE_REVIEW, reason: "翔安区政府行政复议") { state reviews { kind filedOn result } } }`, { n }, office.headers);
    expect(reviewed.data).toEqual({ recordApplicationReview: { state: 'IN_REVIEW_OR_LITIGATION', reviews: [{ kind: 'ADMINISTRATIVE_REVIEW', filedOn: '2026-11-25', result: null }] } });
    const decided = await gateway.graphql(`mutation($n: String!) { decideApplicationReview(trackingNumber: $n, reviewIndex: 0, result: UPHELD) { state reviews { result decidedOn } } }`, { n }, office.headers);
    expect(decided.data).toEqual({ decideApplicationReview: { state: 'ANSWERED', reviews: [{ result: 'UPHELD', decidedOn: '2026-11-25' }] } });
  });
});

describe('bad input', () => {
  it('gets a precise code everywhere, and changes nothing', async () => {
    const filed = await file();
    const n = filed.application.trackingNumber;
    const cases: Array<[string, Record<string, unknown>, string, string | undefined]> = [
      [`query { application(trackingNumber: "", secret: "") { state } }`, {}, 'APPLICATION_NOT_FOUND', undefined],
      [`mutation($n: String!) { decideApplicationReview(trackingNumber: $n, reviewIndex: -1, result: UPHELD) { state } }`, { n }, 'INVALID_TRANSITION', undefined],
      [`mutation($n: String!) { extendApplication(trackingNumber: $n, workingDays: 2147483647, reason: "x") { state } }`, { n }, 'EXTENSION_TOO_LONG', 'workingDays'],
      [`mutation($n: String!) { extendApplication(trackingNumber: $n, workingDays: -3, reason: "x") { state } }`, { n }, 'BAD_USER_INPUT', 'workingDays'],
      [`mutation { extendApplication(trackingNumber: "YSQ-20261125-ZZZZZZ", workingDays: 3, reason: "x") { state } }`, {}, 'APPLICATION_NOT_FOUND', undefined],
      [`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "${'长'.repeat(2001)}") { state } }`, { n }, 'BAD_USER_INPUT', 'reason'],
      [`mutation($n: String!) { answerApplication(trackingNumber: $n, answer: { outcome: GRANTED, replyDocument: { title: "" } }) { state } }`, { n }, 'BAD_USER_INPUT', 'answer.replyDocument.title'],
      [`mutation($n: String!) { answerApplication(trackingNumber: $n, answer: { outcome: GRANTED, replyDocument: { title: "答复书" }, disclosedRecordIds: ["not an id"] }) { state } }`, { n }, 'BAD_USER_INPUT', 'answer.disclosedRecordIds'],
      [`query { annualReport(organizationId: "${globalOrganizationId(TOWN)}", year: 1999) { year } }`, {}, 'BAD_USER_INPUT', 'year'],
      [`query { annualReport(organizationId: "${globalOrganizationId(TOWN)}", year: 2015, catalogThrough: "2016-01-01") { year } }`, {}, 'BAD_USER_INPUT', 'catalogThrough'],
      [`query { annualReport(organizationId: "${globalOrganizationId('org-nowhere')}", year: 2015) { year } }`, {}, 'BAD_USER_INPUT', 'organizationId'],
      [`query { annualReport(organizationId: "nope", year: 2015) { year } }`, {}, 'BAD_USER_INPUT', 'organizationId'],
    ];
    for (const [query, variables, code, argumentName] of cases) {
      const result = await gateway.graphql(query, variables, office.headers);
      expect(result.errors?.[0]?.extensions, query.slice(0, 80)).toMatchObject({ code, ...(argumentName ? { argumentName } : {}) });
    }
    const badDate = await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "x", on: "2015-02-30") { state } }`, { n }, office.headers);
    expect(codes(badDate)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const read = await gateway.graphql<{ officeApplication: { state: string; history: unknown[] } }>(`query($n: String!) { officeApplication(trackingNumber: $n) { state history { action } } }`, { n }, office.headers);
    expect(read.data!.officeApplication).toEqual({ state: 'REGISTERED', history: [{ action: 'FILE' }] });
  });
});

describe('caches of public reads', () => {
  it('are told of every change of an application, after it is written', async () => {
    const seen: PublishedChange[] = [];
    const off = gateway.stores.changes.subscribe((change) => seen.push(change));
    const filed = await file();
    const n = filed.application.trackingNumber;
    await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "请写明所需信息的年份") { state } }`, { n }, office.headers);
    const refused = await gateway.graphql(`mutation($n: String!) { requestApplicationCorrection(trackingNumber: $n, reason: "再次补正") { state } }`, { n }, office.headers);
    expect(codes(refused)).toEqual(['INVALID_TRANSITION']);
    off();
    const change = { store: 'office', recordIds: [`application-${n}`], organizationIds: [TOWN], kinds: [], searchTerms: [] };
    expect(seen).toEqual([change, change]);
  });
});

describe('personal data', () => {
  it('never appears in a public response or in the log', () => {
    const secrets = [APPLICANT.name, APPLICANT.phone, APPLICANT.email, APPLICANT.address, '福建某律师事务所'];
    expect(publicBodies.length).toBeGreaterThan(10);
    for (const body of publicBodies) for (const value of secrets) expect(body).not.toContain(value);
    const log = JSON.stringify(gateway.logs());
    for (const value of secrets) expect(log).not.toContain(value);
    // Nor does any follow-up secret.
    expect(log).not.toContain('ysq_');
  });
});
