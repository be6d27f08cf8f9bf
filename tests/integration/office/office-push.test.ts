/**
 * The office kinds go through the same push pipeline as every store's:
 * per-record outcomes with field paths, review before publication (search
 * and node(id) see nothing until approval), direct publication for a
 * department that has it, updates that replace owned documents (a list's
 * items), and withdrawal that removes the record from every public read.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey, issueRoleKeys, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const OFFICE = 'org-neicuo-dzb';
const PLANNING = 'org-neicuo-gjb';
let gateway: TestGateway;
let officeKey: IssuedKey;
let planningKey: IssuedKey;
let reviewer: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, directPublication: [PLANNING] });
  officeKey = await issueKey(gateway, { role: 'department', organizationId: OFFICE, stores: ['office'], sourceSystem: '党政办门户系统' });
  planningKey = await issueKey(gateway, { role: 'department', organizationId: PLANNING, stores: ['office'], sourceSystem: '规建办征地系统' });
  reviewer = (await issueRoleKeys(gateway)).reviewer;
});

afterAll(async () => {
  await gateway?.stop();
});

const OUTCOMES = 'totals { created updated unchanged rejected } outcomes { sourceId outcome recordId submissionId state error { code path } errors { code path } }';

interface Outcome {
  sourceId: string;
  outcome: string;
  recordId: string | null;
  submissionId: string | null;
  state: string | null;
  error: { code: string; path: string | null } | null;
  errors: Array<{ code: string; path: string | null }>;
}
type Push = { push: { totals: Record<string, number>; outcomes: Outcome[] } };

async function ok<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const result = await gateway.graphql<T>(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function search(text: string): Promise<string[]> {
  const result = await gateway.graphql<{ disclosures: { edges: Array<{ node: { __typename: string; title: string } }> } }>(
    `query($s: String!) { disclosures(first: 20, filter: { search: $s }) { edges { node { __typename title } } } }`,
    { s: text },
  );
  return result.data!.disclosures.edges.map((e) => `${e.node.__typename}:${e.node.title}`);
}

const PUSH_PORTAL = `mutation($records: [PortalArticlePushInput!]!) { push: pushPortalArticles(records: $records) { ${OUTCOMES} } }`;

describe('pushing office kinds', () => {
  it('portal items: invalid fields are refused with their paths, valid ones wait for review and publish on approval', async () => {
    const pushed = await ok<Push>(
      PUSH_PORTAL,
      {
        records: [
          { sourceId: 'news-1', version: 1, organizationId: OFFICE, column: 'WORK_NEWS', title: '内厝镇推送测试工作动态', body: '推送的工作动态正文。第二句。' },
          { sourceId: 'photo-1', version: 1, organizationId: OFFICE, column: 'PHOTO_NEWS', title: '没有图片的图片新闻', body: '正文' },
          { sourceId: 'bad-1', version: 1, organizationId: OFFICE, column: 'RUMOURS', title: '', body: '正文', eventOn: '2015-02-30', images: [{ url: '/a.jpg', caption: '图', width: 0, height: 10 }] },
          { sourceId: 'other-1', version: 1, organizationId: PLANNING, column: 'NOTICES', title: '别人的通知', body: '正文' },
        ],
      },
      officeKey.headers,
    );
    expect(pushed.push.totals).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
    const [news, photo, bad, other] = pushed.push.outcomes;
    expect(news).toMatchObject({ outcome: 'CREATED', state: 'PENDING_REVIEW' });
    expect(photo!.errors).toEqual([{ code: 'INVALID_RECORD', path: 'images' }]);
    expect(bad!.errors.map((e) => e.path).sort()).toEqual(['column', 'eventOn', 'images[0].width', 'title']);
    expect(other!.error).toMatchObject({ code: 'FORBIDDEN', path: 'organizationId' });

    // Pending: not public anywhere.
    expect(await search('推送测试工作动态')).toEqual([]);
    const hidden = await gateway.graphql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: news!.recordId });
    expect(hidden.data!.node).toBeNull();

    await ok(`mutation($id: ID!) { approveRecord(id: $id, comment: "同意发布") { state } }`, { id: news!.submissionId }, reviewer.headers);
    expect(await search('推送测试工作动态')).toEqual(['PortalArticle:内厝镇推送测试工作动态']);
    const item = await ok<{ node: { summary: string; column: { name: string }; source: string } }>(
      `query($id: ID!) { node(id: $id) { ... on PortalArticle { summary source column { name } } } }`,
      { id: news!.recordId },
      {},
    );
    expect(item.node).toEqual({ summary: '推送的工作动态正文。', source: OFFICE, column: { name: '工作动态' } });
    // A retry of the same version changes nothing.
    const retry = await ok<Push>(PUSH_PORTAL, { records: [{ sourceId: 'news-1', version: 1, organizationId: OFFICE, column: 'WORK_NEWS', title: '内厝镇推送测试工作动态', body: '推送的工作动态正文。第二句。' }] }, officeKey.headers);
    expect(retry.push.totals).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
  });

  it('a land notice published directly keeps its amounts exact and links to the allocation that paid it', async () => {
    const notice = {
      sourceId: 'land-lt-2',
      version: 1,
      organizationId: PLANNING,
      title: '内厝镇莲塘村二期征地推送公告',
      noticeType: 'REQUISITION',
      location: '莲塘村西侧',
      areaMu: '10.25',
      purpose: '道路配套',
      affectedVillageIds: ['org-neicuo-v-liantang'],
      announcedOn: '2015-10-08',
      objectionsUntil: '2015-10-18',
      approvalDocuments: [{ documentNumber: '闽政地〔2015〕300号', issuer: '福建省人民政府', issuedOn: '2015-09-01' }],
      standards: [{ item: '土地补偿费', rate: '16000.00', unit: '亩' }],
      compensations: [
        { villageId: 'org-neicuo-v-liantang', item: '土地补偿费', amount: '164000.00', paidOn: '2015-11-01', allocationId: 'alloc-2015-081' },
        { villageId: 'org-neicuo-v-liantang', item: '青苗补偿费', amount: '0.10' },
        { villageId: 'org-neicuo-v-liantang', item: '附着物', amount: '0.20' },
      ],
      body: '二期征地公告正文。',
    };
    const wrong = await ok<Push>(
      `mutation($records: [LandRequisitionNoticePushInput!]!) { push: pushLandRequisitionNotices(records: $records) { ${OUTCOMES} } }`,
      { records: [{ ...notice, sourceId: 'land-bad', areaMu: '-3', objectionsUntil: '2015-10-01', compensations: [{ villageId: 'org-neicuo-v-guanlu', item: 'x', amount: '1.001' }] }] },
      planningKey.headers,
    );
    expect(wrong.push.outcomes[0]!.errors.map((e) => e.path).sort()).toEqual(['areaMu', 'compensations[0].amount', 'compensations[0].villageId', 'objectionsUntil']);
    const pushed = await ok<Push>(
      `mutation($records: [LandRequisitionNoticePushInput!]!) { push: pushLandRequisitionNotices(records: $records) { ${OUTCOMES} } }`,
      { records: [notice] },
      planningKey.headers,
    );
    expect(pushed.push.outcomes[0]).toMatchObject({ outcome: 'CREATED', state: 'APPROVED' });
    const read = await ok<{ node: { areaMu: string; totalCompensation: string; compensations: Array<{ allocation: { amount: string } | null }> } }>(
      `query($id: ID!) { node(id: $id) { ... on LandRequisitionNotice { areaMu totalCompensation compensations { allocation { amount } } } } }`,
      { id: pushed.push.outcomes[0]!.recordId },
      {},
    );
    expect(read.node).toEqual({ areaMu: '10.25', totalCompensation: '164000.30', compensations: [{ allocation: { amount: '1286450.00' } }, { allocation: null }, { allocation: null }] });
  });

  it('a power list update replaces its items, and withdrawal removes the list and its items from every public read', async () => {
    const list = (version: number, items: string[]) => ({
      sourceId: 'list-1',
      version,
      organizationId: PLANNING,
      title: '规建办推送的行政权力清单',
      category: 'ADMINISTRATIVE_APPROVAL_LIST',
      body: '推送清单',
      items: items.map((name) => ({ kind: 'ADMINISTRATIVE_PUNISHMENT', name, legalBasis: '《中华人民共和国城乡规划法》', handlingOrganizationId: PLANNING, delegatedFromDistrict: false, fee: { charged: false } })),
    });
    const PUSH = `mutation($records: [PowerListPushInput!]!) { push: pushPowerLists(records: $records) { ${OUTCOMES} } }`;
    const COUNT = `{ powerListItems(filter: { kinds: [ADMINISTRATIVE_PUNISHMENT] }) { totalCount edges { node { name sequence list { title } } } } }`;
    const invalid = await ok<Push>(PUSH, { records: [{ ...list(1, ['违法建设处罚']), items: [{ kind: 'ADMINISTRATIVE_PUNISHMENT', name: '无依据', delegatedFromDistrict: null, fee: { charged: false, amount: '5.00' } }] }] }, planningKey.headers);
    expect(invalid.push.outcomes[0]!.errors.map((e) => e.path).sort()).toEqual(['items[0].delegatedFromDistrict', 'items[0].fee.amount', 'items[0].handlingOrganizationId', 'items[0].legalBasis']);

    await ok(PUSH, { records: [list(1, ['违法建设处罚', '违法占地处罚', '擅自改变用途处罚'])] }, planningKey.headers);
    expect((await ok<{ powerListItems: { totalCount: number } }>(COUNT, {}, {})).powerListItems.totalCount).toBe(3);
    await ok(PUSH, { records: [list(2, ['违法建设处罚', '违法占地处罚'])] }, planningKey.headers);
    const after = await ok<{ powerListItems: { totalCount: number; edges: Array<{ node: { name: string; sequence: number } }> } }>(COUNT, {}, {});
    expect(after.powerListItems.edges.map((e) => [e.node.sequence, e.node.name])).toEqual([[1, '违法建设处罚'], [2, '违法占地处罚']]);
    // The demo's 15 and 29 are untouched by another department's list.
    expect((await ok<{ powerListItems: { totalCount: number } }>(`{ powerListItems(filter: { kinds: [ADMINISTRATIVE_APPROVAL] }) { totalCount } }`, {}, {})).powerListItems.totalCount).toBe(15);

    const withdrawn = await ok<{ withdrawRecord: { state: string } }>(
      `mutation { withdrawRecord(kind: "PowerList", sourceId: "list-1", reason: "清单调整，重新发布") { state } }`,
      {},
      planningKey.headers,
    );
    expect(withdrawn.withdrawRecord.state).toBe('WITHDRAWN');
    expect((await ok<{ powerListItems: { totalCount: number } }>(COUNT, {}, {})).powerListItems.totalCount).toBe(0);
    expect(await search('规建办推送的行政权力清单')).toEqual([]);
    const items = await gateway.stores.connections.office.run((db) => db.collection('powerListItems').countDocuments({ listId: { $regex: '^plist-' + PLANNING } }));
    expect(items).toBe(0);
  });

  it('policies, interpretations and broadcasts: linked both ways once published, and summed in the broadcast totals', async () => {
    const PUSH_POLICY = `mutation($records: [PolicyDocumentPushInput!]!) { push: pushPolicyDocuments(records: $records) { ${OUTCOMES} } }`;
    const policy = await ok<Push>(
      PUSH_POLICY,
      { records: [{ sourceId: 'p-1', version: 1, organizationId: PLANNING, title: '推送的规范性文件', documentNumber: '内规〔2015〕1号', issuedOn: '2015-10-12', validity: 'IN_FORCE', normative: true, body: '正文' }] },
      planningKey.headers,
    );
    const policyId = policy.push.outcomes[0]!.recordId!;
    expect(policy.push.outcomes[0]!.outcome).toBe('CREATED');
    const policyRecordId = Buffer.from(policyId, 'base64url').toString('utf8').split(':')[1]!;
    const interpretation = await ok<Push>(
      `mutation($records: [InterpretationPushInput!]!) { push: pushInterpretations(records: $records) { ${OUTCOMES} } }`,
      { records: [{ sourceId: 'i-1', version: 1, organizationId: PLANNING, form: 'VIDEO', policyIds: [policyRecordId], body: '视频解读' }, { sourceId: 'i-2', version: 1, organizationId: PLANNING, form: 'VIDEO', mediaUrl: '/v.mp4', policyIds: [policyRecordId], body: '视频解读' }] },
      planningKey.headers,
    );
    expect(interpretation.push.outcomes.map((o) => o.outcome)).toEqual(['REJECTED', 'CREATED']);
    expect(interpretation.push.outcomes[0]!.error).toMatchObject({ code: 'INVALID_RECORD', path: 'mediaUrl' });
    const read = await ok<{ node: { interpretations: Array<{ form: string; policies: Array<{ title: string }> }> } }>(
      `query($id: ID!) { node(id: $id) { ... on PolicyDocument { interpretations { form policies { title } } } } }`,
      { id: policyId },
      {},
    );
    expect(read.node.interpretations).toEqual([{ form: 'VIDEO', policies: [{ title: '推送的规范性文件' }] }]);

    const before = await ok<{ broadcastTotals: Array<{ channel: string; messages: number }> }>(`{ broadcastTotals(channels: [SMS_PLATFORM]) { channel messages } }`, {}, {});
    const broadcast = await ok<Push>(
      `mutation($records: [BroadcastPushInput!]!) { push: pushBroadcasts(records: $records) { ${OUTCOMES} } }`,
      { records: [{ sourceId: 'b-1', version: 1, organizationId: PLANNING, channel: 'SMS_PLATFORM', sentAt: '2015-10-12T09:00:00+08:00', messageCount: 27, content: '规范性文件已发布', announced: [{ kind: 'PolicyDocument', id: policyRecordId }] }, { sourceId: 'b-2', version: 1, organizationId: PLANNING, channel: 'FAX', sentAt: 'yesterday', messageCount: 0, content: 'x', announced: [{ kind: 'Spaceship', id: 'x' }] }] },
      planningKey.headers,
    );
    expect(broadcast.push.outcomes[1]!.errors.map((e) => e.path).sort()).toEqual(['announced[0].kind', 'channel', 'messageCount', 'sentAt']);
    const total = await ok<{ broadcastTotals: Array<{ messages: number }> }>(`{ broadcastTotals(channels: [SMS_PLATFORM]) { messages } }`, {}, {});
    expect(total.broadcastTotals[0]!.messages).toBe(before.broadcastTotals[0]!.messages + 27);
    const announced = await ok<{ node: { announced: Array<{ title: string }> } }>(`query($id: ID!) { node(id: $id) { ... on Broadcast { announced { title } } } }`, { id: broadcast.push.outcomes[0]!.recordId }, {});
    expect(announced.node.announced).toEqual([{ title: '推送的规范性文件' }]);
  });

  it('a policy pushed with attachments serves them for download once published, and refuses bad files with their paths', async () => {
    const PUSH_POLICY = `mutation($records: [PolicyDocumentPushInput!]!) { push: pushPolicyDocuments(records: $records) { ${OUTCOMES} } }`;
    const csv = Buffer.from('项目,标准\n土地补偿费,16000\n', 'utf8');
    const base = { version: 1, organizationId: PLANNING, title: '附件推送测试文件', issuedOn: '2015-10-20', validity: 'IN_FORCE', normative: false, body: '正文' };
    const pushed = await ok<Push>(
      PUSH_POLICY,
      {
        records: [
          { ...base, sourceId: 'p-att', attachments: [{ name: '附件1：标准表.csv', mediaType: 'text/csv', contentBase64: csv.toString('base64') }] },
          { ...base, sourceId: 'p-att-bad', attachments: [{ name: 'x.bin', mediaType: 'not a type', contentBase64: '###' }, { name: 'y.bin', mediaType: 'application/octet-stream' }] },
        ],
      },
      planningKey.headers,
    );
    expect(pushed.push.outcomes[0]).toMatchObject({ outcome: 'CREATED', state: 'APPROVED' });
    expect(pushed.push.outcomes[1]!.errors.map((e) => e.path).sort()).toEqual(['attachments[0].contentBase64', 'attachments[0].mediaType', 'attachments[1].contentBase64']);
    const read = await ok<{ node: { attachments: Array<{ name: string; size: number; sha256: string; downloadUrl: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on PolicyDocument { attachments { name size sha256 downloadUrl } } } }`,
      { id: pushed.push.outcomes[0]!.recordId },
      {},
    );
    const [file] = read.node.attachments;
    expect(file).toMatchObject({ name: '附件1：标准表.csv', size: csv.length, sha256: createHash('sha256').update(csv).digest('hex') });
    const download = await gateway.fetch(file!.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);

    await ok(`mutation { withdrawRecord(kind: "PolicyDocument", sourceId: "p-att", reason: "文件废止") { state } }`, {}, planningKey.headers);
    expect((await gateway.fetch(file!.downloadUrl)).status).toBe(404);

    // Through review: the bytes kept in the submission are the ones published on approval.
    const reviewed = await ok<Push>(
      PUSH_POLICY,
      { records: [{ ...base, organizationId: OFFICE, sourceId: 'p-att-review', attachments: [{ name: 'a.csv', mediaType: 'text/csv', contentBase64: csv.toString('base64') }] }] },
      officeKey.headers,
    );
    expect(reviewed.push.outcomes[0]!.state).toBe('PENDING_REVIEW');
    await ok(`mutation($id: ID!) { approveRecord(id: $id) { state } }`, { id: reviewed.push.outcomes[0]!.submissionId }, reviewer.headers);
    const approved = await ok<{ node: { attachments: Array<{ downloadUrl: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on PolicyDocument { attachments { downloadUrl } } } }`,
      { id: reviewed.push.outcomes[0]!.recordId },
      {},
    );
    const bytes = Buffer.from(await (await gateway.fetch(approved.node.attachments[0]!.downloadUrl)).arrayBuffer());
    expect(bytes.equals(csv)).toBe(true);
  });
});
