/** The procurement, allocation and appointment kinds: checks with paths, and what approval writes to the live collections. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import type { Actor } from '../../../datasources/push/actor.js';
import { recordKinds } from '../../../datasources/push/kinds.js';
import { ADMIN, FINANCE_ORG, PLANNING_DIRECT, PLANNING_ORG, record, REVIEWER, startPushFixture, type PushFixture } from './push-fixture.js';

let fx: PushFixture;
const now = new Date('2016-07-01T00:00:00Z');
const direct: Actor = { principal: PLANNING_DIRECT, now };

async function docs(store: 'finance' | 'procurement' | 'personnel', collection: string, filter: Document = {}): Promise<Document[]> {
  return fx.connections[store].run((db) => db.collection(collection).find(filter).sort({ _id: 1 }).toArray());
}

function release(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId: PLANNING_ORG,
    ocid: 'ocds-nc2016-XANC-2016-001',
    tag: ['award', 'contract'],
    date: '2016-06-20',
    tender: { id: 't-1', title: '莲塘村排水沟清淤工程', procurementMethod: 'limited', value: '90000.00', tenderPeriod: { startDate: '2016-05-20', endDate: '2016-06-10' }, numberOfTenderers: 3 },
    awards: [
      { id: 'a-1', title: '成交结果', status: 'active', date: '2016-06-20', value: '86500.00', suppliers: [{ id: 'supplier-900', name: '厦门测试工程有限公司', creditCode: '91350213MA2XN3KQ9Y', locality: '厦门市翔安区' }] },
    ],
    contracts: [{ id: 'c-1', awardId: 'a-1', title: '合同', status: 'active', value: '86500.00', dateSigned: '2016-06-27', period: { startDate: '2016-06-27', endDate: '2016-08-31' } }],
    ...overrides,
  };
}

beforeAll(async () => {
  fx = await startPushFixture();
});
afterAll(async () => {
  await fx.stop();
});

describe('checks', () => {
  it('name every wrong field of a release with its path', () => {
    const kind = recordKinds.get('Procurement');
    const result = kind.validate(
      release({
        tag: ['award', 'bid'],
        tender: { id: 't-1', title: 'x', procurementMethod: 'auction', value: '-1', tenderPeriod: { startDate: '2016-06-10', endDate: '2016-05-20' }, numberOfTenderers: 3 },
        contracts: [{ id: 'c-1', awardId: 'a-9', title: '合同', status: 'active', value: '1.00', dateSigned: '2016-02-30', period: { startDate: '2016-06-27', endDate: '2016-08-31' } }],
      }),
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'tag',
      'tender.procurementMethod',
      'tender.value',
      'tender.tenderPeriod.endDate',
      'contracts[0].awardId',
      'contracts[0].dateSigned',
    ]);
  });

  it('require one recipient of an allocation and both ends of a 任前公示 period', () => {
    const allocation = recordKinds.get('FundAllocation').validate({ organizationId: FINANCE_ORG, purpose: '补助', amount: '1.005', date: '2016-13-01' });
    expect(allocation.ok ? [] : allocation.issues.map((i) => `${i.path}: ${i.reason}`)).toEqual([
      'recipientOrganizationId: or recipientProject is required: who receives the funds',
      'amount: has more than 2 decimal places (分): 1.005',
      'date: is not a day of the calendar: 2016-13-01',
    ]);
    const appointment = recordKinds.get('Appointment').validate({
      organizationId: 'org-neicuo',
      action: 'PROMOTE',
      person: { id: 'person-1', name: '张三', gender: 'X', birthYear: 1980 },
      post: { id: 'post-1', label: '所长' },
      effectiveDate: '2016-07-01',
      documentNumber: '内委〔2016〕9号',
      publicNoticeStart: '2016-06-20',
    });
    expect(appointment.ok ? [] : appointment.issues.map((i) => i.path)).toEqual(['action', 'person.gender', 'post.organizationId', 'publicNoticeEnd']);
  });
});

describe('publication', () => {
  it('publishes a release with its suppliers, and a withdrawal removes the release but keeps the shared supplier', async () => {
    const report = await fx.desk.push(direct, 'Procurement', [record('r-1', 1, release())]);
    expect(report.outcomes[0]).toMatchObject({ outcome: 'CREATED', state: 'APPROVED', recordId: 'proc-org-neicuo-gjb-r-1' });
    const [live] = await docs('procurement', 'releases');
    expect(live).toMatchObject({ _id: 'proc-org-neicuo-gjb-r-1', buyerId: PLANNING_ORG, ocid: 'ocds-nc2016-XANC-2016-001' });
    expect(live!.awards[0].suppliers).toEqual([{ id: 'supplier-900', name: '厦门测试工程有限公司' }]);
    expect(live!.tender.value.amount.toString()).toBe('90000.00');
    expect(live!.tender.procurementMethodDetails).toBe('询价');
    expect(await docs('procurement', 'suppliers')).toEqual([{ _id: 'supplier-900', name: '厦门测试工程有限公司', creditCode: '91350213MA2XN3KQ9Y', locality: '厦门市翔安区' }]);
    const [entry] = await docs('procurement', 'catalog');
    expect(entry).toMatchObject({ kind: 'Procurement', title: '莲塘村排水沟清淤工程询价成交公告', organizationId: PLANNING_ORG });

    const withdrawn = await fx.desk.withdraw({ ...direct, now: new Date('2016-07-02T00:00:00Z') }, 'Procurement', PLANNING_ORG, 'r-1', '合同金额有误');
    expect(withdrawn.state).toBe('WITHDRAWN');
    expect(await docs('procurement', 'releases')).toEqual([]);
    expect(await docs('procurement', 'catalog')).toEqual([]);
    expect(await docs('procurement', 'suppliers')).toHaveLength(1);
    expect((await docs('procurement', 'ledger')).map((e) => [e.action, e.reason])).toEqual([
      ['CREATE', null],
      ['WITHDRAW', '合同金额有误'],
    ]);
  });

  it('publishes an approved appointment with its person and post', async () => {
    const actor: Actor = { principal: ADMIN, now };
    const fields = {
      organizationId: 'org-neicuo',
      action: 'APPOINT',
      person: { id: 'person-900', name: '林测试', gender: 'FEMALE', birthYear: 1988 },
      post: { id: 'post-900', label: '内厝镇财政所副所长', organizationId: FINANCE_ORG },
      effectiveDate: '2016-07-01',
      documentNumber: '内委〔2016〕9号',
      publicNoticeStart: '2016-06-20',
      publicNoticeEnd: '2016-06-26',
    };
    const report = await fx.desk.push(actor, 'Appointment', [record('ap-1', '2016-06-30T09:00:00+08:00', fields)]);
    expect(report.outcomes[0]!.state).toBe('PENDING_REVIEW');
    expect(await docs('personnel', 'appointments')).toEqual([]);
    expect(await docs('personnel', 'people')).toEqual([]);
    await fx.desk.review({ principal: REVIEWER, now }, report.outcomes[0]!.submissionId!, 'APPROVED', { comment: null });
    expect(await docs('personnel', 'appointments')).toMatchObject([{ _id: 'appt-org-neicuo-ap-1', personId: 'person-900', postId: 'post-900', decidedById: 'org-neicuo', publicNoticeEnd: '2016-06-26' }]);
    expect(await docs('personnel', 'people')).toEqual([{ _id: 'person-900', name: '林测试', gender: 'FEMALE', birthYear: 1988 }]);
    expect(await docs('personnel', 'posts')).toEqual([{ _id: 'post-900', label: '内厝镇财政所副所长', organizationId: FINANCE_ORG }]);
    const [entry] = await docs('personnel', 'catalog');
    expect(entry).toMatchObject({ title: '关于林测试同志任职的通知', category: 'ORGANIZATION_PERSONNEL' });
    expect(entry!.indexNumber).toMatch(/^XA-NC-0101-2016-P[0-9A-F]{8}$/u);
  });

  it('refuses a release whose ocid or supplier credit code another release or supplier holds, before anything is written', async () => {
    const later: Actor = { ...direct, now: new Date('2016-07-03T00:00:00Z') };
    const ocid = 'ocds-nc2016-XANC-2016-002';
    const report = await fx.desk.push(later, 'Procurement', [
      record('r-2', 1, release({ ocid })),
      record('r-3', 1, release({ ocid })),
      record('r-4', 1, release({ ocid: 'ocds-nc2016-XANC-2016-004', awards: [{ id: 'a-1', title: '成交结果', status: 'active', date: '2016-06-20', value: '1.00', suppliers: [{ id: 'supplier-901', name: '冒用', creditCode: '91350213MA2XN3KQ9Y', locality: '厦门' }] }], contracts: [] })),
    ]);
    expect(report.outcomes.map((o) => [o.outcome, o.problems[0]?.path ?? null, o.problems[0]?.message ?? null])).toEqual([
      ['CREATED', null, null],
      ['REJECTED', 'ocid', `ocid ${ocid} is already the ocid of proc-org-neicuo-gjb-r-2`],
      ['REJECTED', 'awards[0].suppliers[0].creditCode', 'awards[0].suppliers[0].creditCode 91350213MA2XN3KQ9Y is already the creditCode of supplier-900'],
    ]);
    const again = await fx.desk.push({ ...later, now: new Date('2016-07-04T00:00:00Z') }, 'Procurement', [record('r-3', 1, release({ ocid }))]);
    expect(again.outcomes[0]!.problems[0]!.path).toBe('ocid');
    expect((await docs('procurement', 'submissions', { sourceId: { $in: ['r-3', 'r-4'] } }))).toEqual([]);
    expect(await docs('procurement', 'suppliers')).toHaveLength(1);
  });
});
