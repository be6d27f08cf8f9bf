/**
 * Land requisition and compensation notices over HTTP: exact areas, rates
 * and amounts (also in 万元), approvals, affected villages, and each
 * compensation linked to the finance store's allocation whose amount it
 * adds up to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

const NOTICES = `{
  disclosures(first: 10, filter: { kinds: [LandRequisitionNotice] }, orderBy: { field: PUBLISHED_AT, direction: ASC }) {
    totalCount
    edges { node { __typename title category organization { name } ... on LandRequisitionNotice {
      noticeType location areaMu purpose announcedOn objectionsUntil
      affectedVillages { name }
      approvalDocuments { documentNumber issuer issuedOn }
      standards { item rate perUnit wan: rate(unit: WAN_YUAN) }
      compensations { item amount paidOn village { name } allocation { amount purpose date } }
      totalCompensation totalWan: totalCompensation(unit: WAN_YUAN)
    } } }
  }
}`;

interface Notice {
  title: string;
  noticeType: string;
  areaMu: string;
  compensations: Array<{ item: string; amount: string; village: { name: string }; allocation: { amount: string; purpose: string } | null }>;
  totalCompensation: string;
  totalWan: string;
  [field: string]: unknown;
}

describe('land notices', () => {
  it('carry location, area, purpose, approvals, standards and compensations with exact amounts', async () => {
    const result = await gateway.graphql<{ disclosures: { totalCount: number; edges: Array<{ node: Notice }> } }>(NOTICES);
    expect(result.errors).toBeUndefined();
    expect(result.data!.disclosures.totalCount).toBe(2);
    const [liantang, guanlu] = result.data!.disclosures.edges.map((e) => e.node);
    expect(liantang).toMatchObject({
      __typename: 'LandRequisitionNotice',
      title: '内厝镇莲塘村征地信息公告',
      category: 'URBAN_RURAL_DEVELOPMENT',
      organization: { name: '内厝镇规划建设办公室' },
      noticeType: 'REQUISITION',
      areaMu: '48.5',
      announcedOn: '2015-03-30',
      objectionsUntil: '2015-04-09',
      affectedVillages: [{ name: '内厝镇莲塘村村民委员会' }],
      approvalDocuments: [{ documentNumber: '闽政地〔2015〕112号', issuer: '福建省人民政府', issuedOn: '2015-02-10' }],
      standards: [
        { item: '土地补偿费', rate: '16000.00', perUnit: '亩', wan: '1.600000' },
        { item: '安置补助费', rate: '8000.00', perUnit: '亩', wan: '0.800000' },
        { item: '青苗补偿费', rate: '1500.00', perUnit: '亩', wan: '0.150000' },
      ],
    });
    expect(liantang!.compensations.map((c) => [c.item, c.amount])).toEqual([
      ['土地补偿费', '776000.00'],
      ['安置补助费', '388000.00'],
      ['青苗补偿费', '72750.00'],
      ['地上附着物补偿（按实测）', '49700.00'],
    ]);
    expect(liantang).toMatchObject({ totalCompensation: '1286450.00', totalWan: '128.645000' });
    // 32.6 亩 × (16000 + 8000 + 1500) + 31900.50: a float sum would not end in exactly .50.
    expect(guanlu).toMatchObject({ noticeType: 'EXPROPRIATION_COMPENSATION', areaMu: '32.6', totalCompensation: '863200.50', totalWan: '86.320050' });
    expect(guanlu!.compensations[0]).toMatchObject({ item: '土地补偿费', amount: '521600.00', village: { name: '内厝镇官路村村民委员会' } });
  });

  it('link each compensation to the allocation in the finance store that paid it, for the same total', async () => {
    const result = await gateway.graphql<{ disclosures: { edges: Array<{ node: Notice }> } }>(NOTICES);
    for (const notice of result.data!.disclosures.edges.map((e) => e.node)) {
      const allocations = new Set(notice.compensations.map((c) => JSON.stringify(c.allocation)));
      expect(allocations.size).toBe(1);
      const allocation = notice.compensations[0]!.allocation!;
      expect(allocation).toMatchObject({ purpose: '征地补偿款', amount: notice.totalCompensation });
    }
  });
});

describe('organizations and the office kinds', () => {
  it('a village lists the land notices affecting it, a department the power list items it handles', async () => {
    const result = await gateway.graphql<{ village: { landNotices: { totalCount: number; edges: Array<{ node: { title: string } }> } }; social: { powerListItems: { totalCount: number; edges: Array<{ node: { handlingOrganization: { name: string } } }> } } }>(
      `query($village: ID!, $social: ID!) {
        village: node(id: $village) { ... on Organization { landNotices(first: 5) { totalCount edges { node { title } } } } }
        social: node(id: $social) { ... on Organization { powerListItems(first: 50) { totalCount edges { node { handlingOrganization { name } } } } } }
      }`,
      { village: toGlobalId('Organization', 'org-neicuo-v-liantang'), social: toGlobalId('Organization', 'org-neicuo-shsw') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.village.landNotices).toEqual({ totalCount: 1, edges: [{ node: { title: '内厝镇莲塘村征地信息公告' } }] });
    const social = result.data!.social.powerListItems;
    const filtered = await gateway.graphql<{ powerListItems: { totalCount: number } }>(`query($org: ID!) { powerListItems(filter: { organizationId: $org }) { totalCount } }`, {
      org: toGlobalId('Organization', 'org-neicuo-shsw'),
    });
    expect(social.totalCount).toBe(filtered.data!.powerListItems.totalCount);
    expect(social.totalCount).toBeGreaterThan(10);
    expect(social.edges.every((e) => e.node.handlingOrganization.name === '内厝镇社会事务办公室')).toBe(true);
  });
});
