import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APPLICATIONS } from '../../../datasources/applications/application-store.js';
import { replayApplication } from '../../../datasources/applications/replayed-application.js';
import { demoApplicationReplays } from '../../../datasources/demo/demo-applications.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { codes, freezeClock, globalOrganizationId, OFFICE_DEPARTMENT, replay, TOWN } from './application-fixtures.js';

const REPORT = `query($org: ID!, $year: Int!, $through: LocalDate) {
  annualReport(organizationId: $org, year: $year, catalogThrough: $through) {
    year organization { name }
    catalog { through total unavailableStores counts { category label count } }
    proactiveNotHeld normativeDocumentsIssued
    powerList { kind label items delegatedFromDistrict }
    broadcasts { channel label broadcasts messages }
    columns { key label }
    applicationRows { key label heading naturalPerson commercialEnterprise researchInstitution publicInterestOrganization legalServiceInstitution otherOrganization total }
    reviews { kind label upheld corrected other pending total }
    checks { invariant status detail }
    violations { invariant column expected actual trackingNumbers detail }
    published { by }
    htmlPath markdownPath
  } }`;

type Row = { key: string; naturalPerson: number; commercialEnterprise: number; researchInstitution: number; publicInterestOrganization: number; legalServiceInstitution: number; otherOrganization: number; total: number };
type Report = {
  applicationRows: Row[] | null;
  reviews: Array<Record<string, unknown>>;
  checks: Array<{ invariant: string; status: string }>;
  violations: Array<{ invariant: string; column: string | null; expected: number | null; actual: number | null; trackingNumbers: string[] }>;
  catalog: { counts: Array<{ label: string; count: number }> };
  powerList: Array<{ kind: string; items: number; delegatedFromDistrict: number }>;
  normativeDocumentsIssued: number;
  published: { by: string } | null;
  htmlPath: string;
  markdownPath: string;
};

let gateway: TestGateway;
let office: IssuedKey;
const town = globalOrganizationId(TOWN);

async function report(year: number, through?: string): Promise<Report> {
  const result = await gateway.graphql<{ annualReport: Report }>(REPORT, { org: town, year, ...(through ? { through } : {}) });
  expect(result.errors).toBeUndefined();
  return result.data!.annualReport;
}

/** Non-zero cells of table 三 as `row: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]`. */
function table(rows: Row[]): Record<string, number[]> {
  return Object.fromEntries(
    rows
      .filter((r) => r.total > 0)
      .map((r) => [r.key, [r.naturalPerson, r.commercialEnterprise, r.researchInstitution, r.publicInterestOrganization, r.legalServiceInstitution, r.otherOrganization, r.total]]),
  );
}

beforeAll(async () => {
  freezeClock();
  gateway = await startTestGateway({ seed: true });
  office = await issueKey(gateway, { role: 'department', organizationId: OFFICE_DEPARTMENT, stores: ['office'] });
});

afterAll(async () => {
  await gateway?.stop();
  vi.useRealTimers();
});

describe('the Neicuo 2015 report', () => {
  it('counts table 三 from the demo applications as tallied by hand', async () => {
    const r = await report(2015);
    // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
    expect(table(r.applicationRows!)).toEqual({
      NEW: [5, 1, 1, 1, 1, 0, 9],
      GRANTED: [1, 0, 0, 0, 1, 0, 2],
      PARTIALLY_GRANTED: [1, 0, 0, 0, 0, 0, 1],
      'REFUSED.THIRD_PARTY_RIGHTS': [0, 1, 0, 0, 0, 0, 1],
      'UNABLE_TO_PROVIDE.NOT_HELD': [1, 0, 0, 0, 0, 0, 1],
      'NOT_PROCESSED.PETITION_OR_COMPLAINT': [1, 0, 0, 0, 0, 0, 1],
      'OTHER_HANDLING.OTHER': [0, 0, 1, 0, 0, 0, 1],
      RESULTS_TOTAL: [4, 1, 1, 0, 1, 0, 7],
      CARRIED_FORWARD: [1, 0, 0, 1, 0, 0, 2],
    });
    expect(r.applicationRows!.map((row) => row.key).slice(0, 3)).toEqual(['NEW', 'CARRIED_OVER', 'GRANTED']);
    expect(r.applicationRows).toHaveLength(2 + 2 + 8 + 3 + 5 + 3 + 2);
    expect(r.reviews).toEqual([
      { kind: 'ADMINISTRATIVE_REVIEW', label: '行政复议', upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      { kind: 'LITIGATION_WITHOUT_REVIEW', label: '行政诉讼·未经复议直接起诉', upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      { kind: 'LITIGATION_AFTER_REVIEW', label: '行政诉讼·复议后起诉', upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    ]);
    expect(r.violations).toEqual([]);
    expect(r.checks.map((c) => [c.invariant, c.status])).toEqual([
      ['BALANCE', 'HOLDS'],
      ['CARRIED_OVER_MATCHES_PREVIOUS_REPORT', 'NOT_CHECKED'],
      ['CARRIED_FORWARD_MATCHES_NEXT_REPORT', 'NOT_CHECKED'],
    ]);
  });

  it('gives the seed report’s catalog figures for January to November', async () => {
    const r = await report(2015, '2015-11-30');
    const counts = Object.fromEntries(r.catalog.counts.map((c) => [c.label, c.count]));
    expect(counts).toMatchObject({
      机构职能人事任免: 18,
      政策及规范性文件: 5,
      社会公益事业建设: 5,
      统筹城乡事业发展: 4,
      科教文卫事业建设: 5,
      安全生产应急管理: 5,
      行政审批目录清单: 1,
      公共服务事项目录清单: 1,
      工作动态: 28,
      通知通告: 8,
      图片新闻: 9,
    });
  });

  it('counts the SMS platform’s 19,073 messages', async () => {
    const r = (await gateway.graphql<{ annualReport: { broadcasts: Array<{ channel: string; messages: number }> } }>(
      `query($org: ID!) { annualReport(organizationId: $org, year: 2015) { broadcasts { channel messages } } }`,
      { org: town },
    )).data!.annualReport;
    expect(r.broadcasts).toEqual(expect.arrayContaining([{ channel: 'SMS_PLATFORM', messages: 19_073 }]));
  });

  it('counts the normative documents the town issued in 2015 (内政〔2015〕15, 21, 33 and 40号)', async () => {
    expect((await report(2015)).normativeDocumentsIssued).toBe(4);
    expect((await report(2014)).normativeDocumentsIssued).toBe(1);
  });

  it('counts the power list: 15 district approval items delegated to the town, 29 public service items', async () => {
    const r = await report(2015);
    expect(r.powerList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ADMINISTRATIVE_APPROVAL', items: 15, delegatedFromDistrict: 15 }),
        expect.objectContaining({ kind: 'PUBLIC_SERVICE', items: 29 }),
      ]),
    );
    const markdown = await (await gateway.fetch(r.markdownPath)).text();
    expect(markdown).toContain('| 行政权力清单·行政审批（许可） | 15 | 15 |');
  });

  it('carries the two open applications into 2016, and checks them against the published 2015 report', async () => {
    const before = await report(2016);
    expect(table(before.applicationRows!)).toEqual({
      CARRIED_OVER: [1, 0, 0, 1, 0, 0, 2],
      GRANTED: [1, 0, 0, 0, 0, 0, 1],
      PARTIALLY_GRANTED: [0, 0, 0, 1, 0, 0, 1],
      RESULTS_TOTAL: [1, 0, 0, 1, 0, 0, 2],
    });
    expect(before.checks[1]).toMatchObject({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', status: 'NOT_CHECKED' });

    const publishAs = (headers: Record<string, string>, year: number) =>
      gateway.graphql<{ publishAnnualReport: Report }>(`mutation($org: ID!, $y: Int!) { publishAnnualReport(organizationId: $org, year: $y) { published { by } } }`, { org: town, y: year }, headers);
    expect(codes(await publishAs({}, 2015))).toEqual(['UNAUTHENTICATED']);
    const published = await publishAs(office.headers, 2015);
    expect(published.data).toEqual({ publishAnnualReport: { published: { by: office.principalId } } });
    expect(codes(await publishAs(office.headers, 2015))).toEqual(['CONFLICT']);
    expect(codes(await publishAs(office.headers, 2026))).toEqual(['REPORT_YEAR_NOT_ENDED']);

    expect((await report(2016)).checks[1]).toMatchObject({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', status: 'HOLDS' });

    // Someone re-dates an application carried over: 2016 no longer matches what 2015 published.
    await gateway.stores.connections.office.run((db) =>
      db.collection(APPLICATIONS).updateOne({ trackingNumber: 'YSQ-20151214-NC0008' }, { $set: { receivedOn: '2016-01-04', 'history.0.on': '2016-01-04' } }),
    );
    const after = await report(2016);
    expect(after.checks[1]).toMatchObject({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', status: 'VIOLATED' });
    expect(after.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', column: 'NATURAL_PERSON', expected: 1, actual: 0 }),
        expect.objectContaining({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', column: 'TOTAL', expected: 2, actual: 1, trackingNumbers: ['YSQ-20151214-NC0008'] }),
      ]),
    );
    const nc8 = demoApplicationReplays().find((r) => r.trackingNumber === 'YSQ-20151214-NC0008')!;
    await gateway.stores.connections.office.run((db) => db.collection(APPLICATIONS).replaceOne({ trackingNumber: nc8.trackingNumber }, replayApplication(nc8) as never));
  });
});

describe('an inconsistent year', () => {
  beforeAll(async () => {
    const consistent = replayApplication(replay('YSQ-20240301-FIXOKA', { receivedOn: '2024-03-01', steps: [{ action: 'ANSWER', on: '2024-03-20', reason: null, answer: { outcome: 'GRANTED', reason: null, replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] } }] }));
    // An answer record without the answer in the history: counted as answered and as still open.
    const answerOnly = replayApplication(replay('YSQ-20240506-FIXBAD', { receivedOn: '2024-05-06' }));
    answerOnly.answer = { outcome: 'GRANTED', reason: null, answeredOn: '2024-05-20', replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] };
    // An answered history whose answer record was lost: counted in no result row.
    const historyOnly = replayApplication(replay('YSQ-20240610-FIXLOS', { receivedOn: '2024-06-10', applicantType: 'COMMERCIAL_ENTERPRISE', steps: [{ action: 'ANSWER', on: '2024-06-28', reason: null, answer: { outcome: 'REFUSED', reason: 'STATE_SECRET', replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] } }] }));
    historyOnly.answer = null;
    await gateway.stores.connections.office.run((db) => db.collection(APPLICATIONS).insertMany([consistent, answerOnly, historyOnly] as never[]));
  });

  it('prints no table 三 and lists the violations with the applications involved', async () => {
    const r = await report(2024);
    expect(r.applicationRows).toBeNull();
    expect(r.checks[0]).toMatchObject({ invariant: 'BALANCE', status: 'VIOLATED' });
    expect(r.violations).toEqual([
      expect.objectContaining({ invariant: 'BALANCE', column: 'NATURAL_PERSON', expected: 2, actual: 3, trackingNumbers: ['YSQ-20240506-FIXBAD'] }),
      expect.objectContaining({ invariant: 'BALANCE', column: 'COMMERCIAL_ENTERPRISE', expected: 1, actual: 0, trackingNumbers: ['YSQ-20240610-FIXLOS'] }),
    ]);
  });

  it('lists applications that disagree with themselves even when their errors offset in the column', async () => {
    const answerOnly = replayApplication(replay('YSQ-20250303-OFFSTA', { receivedOn: '2025-03-03' }));
    answerOnly.answer = { outcome: 'GRANTED', reason: null, answeredOn: '2025-03-20', replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] };
    const historyOnly = replayApplication(replay('YSQ-20250303-OFFSTB', { receivedOn: '2025-03-03', steps: [{ action: 'ANSWER', on: '2025-03-21', reason: null, answer: { outcome: 'GRANTED', reason: null, replyDocument: { title: '答复书', documentNumber: null, text: null }, disclosedRecordIds: [] } }] }));
    historyOnly.answer = null;
    await gateway.stores.connections.office.run((db) => db.collection(APPLICATIONS).insertMany([answerOnly, historyOnly] as never[]));
    const r = await report(2025);
    expect(r.applicationRows).toBeNull();
    expect(r.violations.map((v) => [v.invariant, v.column, v.trackingNumbers])).toEqual([
      ['BALANCE', 'NATURAL_PERSON', ['YSQ-20250303-OFFSTA']],
      ['BALANCE', 'NATURAL_PERSON', ['YSQ-20250303-OFFSTB']],
    ]);
  });

  it('shows the violations in the downloads instead of the table', async () => {
    const r = await report(2024);
    const markdown = await (await gateway.fetch(r.markdownPath)).text();
    expect(markdown).toContain('不予生成');
    expect(markdown).toContain('YSQ-20240506-FIXBAD');
    expect(markdown).not.toContain('一、本年新收政府信息公开申请数量');
  });
});

describe('the downloads', () => {
  it('serve the 2015 report as Markdown and HTML in the layout of the official tables, without any applicant', async () => {
    const r = await report(2015);
    expect(r.markdownPath).toBe('/annual-reports/org-neicuo/2015.md');
    const md = await gateway.fetch(r.markdownPath);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = await md.text();
    expect(markdown).toContain('# 厦门市翔安区内厝镇人民政府2015年政府信息公开工作年度报告（统计表）');
    expect(markdown).toContain('|  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
    expect(markdown).toContain('| 一、本年新收政府信息公开申请数量 | 5 | 1 | 1 | 1 | 1 | 0 | 9 |');
    expect(markdown).toContain('| 四、结转下年度继续办理 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |');
    expect(markdown).toContain('| 行政复议 | 1 | 0 | 0 | 0 | 1 |');
    const html = await gateway.fetch(r.htmlPath);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toContain('<th scope="row">一、本年新收政府信息公开申请数量</th><td>5</td><td>1</td><td>1</td><td>1</td><td>1</td><td>0</td><td>9</td>');
    for (const text of [markdown, page]) for (const name of ['许文华', '黄志明', '福建某律师事务所', '13800000001']) expect(text).not.toContain(name);
  });

  it('escape what the stores hold', async () => {
    await gateway.stores.connections.office.run((db) =>
      db.collection('organizations').insertOne({ _id: 'org-test-xss' as never, name: '<script>alert(1)</script>|镇', otherNames: [], classification: 'TOWN', parentId: null, description: '' }),
    );
    const html = await gateway.fetch('/annual-reports/org-test-xss/2015.html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await html.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;|镇');
    const markdown = await (await gateway.fetch('/annual-reports/org-test-xss/2015.md')).text();
    expect(markdown).toContain('# &lt;script&gt;alert(1)&lt;/script&gt;\\|镇2015年');
  });

  it('answer 404 for an unknown organization or file and 400 for a bad date', async () => {
    expect((await gateway.fetch('/annual-reports/org-nowhere/2015.md')).status).toBe(404);
    expect((await gateway.fetch('/annual-reports/org-neicuo/2015.pdf')).status).toBe(404);
    const bad = await gateway.fetch('/annual-reports/org-neicuo/2015.md?catalogThrough=2015-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
