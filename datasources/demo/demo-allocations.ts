/** The demo's fund allocations (下拨资金) of 2015: village running costs, sanitation subsidies, land requisition compensation and a road project. */
import type { FundAllocationRecord } from '../finance/finance-records.js';
import { addDays, chinaTime, type Publication } from './demo-catalog.js';
import { DEPT, VILLAGES } from './demo-organizations.js';
import { between, seededRandom, yuanFromFen } from './seeded-random.js';

/** Allocations and their publications, from a fixed seed. */
export function demoAllocations(): { allocations: FundAllocationRecord[]; publications: Publication[] } {
  const random = seededRandom(2015_12_18);
  const publications: Publication[] = [];
  const allocations: FundAllocationRecord[] = [];
  let documentSeq = 10;
  const allocate = (a: Omit<FundAllocationRecord, 'id' | 'payerId' | 'documentNumber'>, title: string, extraChannels: Publication['channels'] = []) => {
    const id = `alloc-2015-${String(allocations.length + 1).padStart(3, '0')}`;
    const documentNumber = `内财〔2015〕${documentSeq++}号`;
    allocations.push({ id, payerId: DEPT.finance, documentNumber, ...a });
    const recipient = a.recipientOrganizationId ? VILLAGES.find(([vid]) => vid === a.recipientOrganizationId)![1] : a.recipientProject;
    publications.push({
      id,
      kind: 'FundAllocation',
      title,
      category: 'FISCAL_FUNDS',
      organizationId: DEPT.finance,
      publishedAt: chinaTime(addDays(a.date, 3), '15:00'),
      channels: ['GOVERNMENT_BULLETIN_BOARD', 'VILLAGE_BULLETIN_BOARD', ...extraChannels],
      text: `${documentNumber}：内厝镇财政所于${a.date}向${recipient}拨付${a.purpose}${a.amount}元。`,
    });
  };

  const quarters: Array<[string, string]> = [['一', '2015-03-20'], ['二', '2015-06-19'], ['三', '2015-09-18'], ['四', '2015-12-18']];
  for (const [quarter, date] of quarters) {
    for (const [villageId, village] of VILLAGES) {
      const purpose = `2015年第${quarter}季度村级组织运转经费`;
      allocate({ recipientOrganizationId: villageId, recipientProject: null, purpose, amount: yuanFromFen(between(random, 30_000, 45_000) * 100), date }, `${village}${purpose}下拨情况`);
    }
  }
  const sanitation = ['2015-02-16', '2015-04-17', '2015-06-17', '2015-08-17', '2015-10-16', '2015-12-28'];
  sanitation.forEach((date, i) => {
    for (const [villageId, village] of VILLAGES) {
      const purpose = `2015年第${i + 1}期农村环境卫生整治补助`;
      allocate({ recipientOrganizationId: villageId, recipientProject: null, purpose, amount: yuanFromFen(between(random, 800_000, 1_600_000)), date }, `${village}${purpose}下拨情况`);
    }
  });
  const requisitions: Array<[string, string, number]> = [['莲塘村', '2015-05-12', 128_645_000], ['官路村', '2015-07-14', 86_320_050], ['内厝村', '2015-09-08', 54_108_800]];
  for (const [village, date, fen] of requisitions) {
    const villageId = VILLAGES.find(([, v]) => v === village)![0];
    allocate(
      { recipientOrganizationId: villageId, recipientProject: null, purpose: '征地补偿款', amount: yuanFromFen(fen), date },
      `${village}征地补偿款拨付情况公示`,
      ['SMS_PLATFORM'],
    );
  }
  allocate(
    { recipientOrganizationId: null, recipientProject: '内厝镇莲塘村道路硬化工程', purpose: '工程进度款（第一期）', amount: '360000.00', date: '2015-08-26' },
    '莲塘村道路硬化工程第一期进度款拨付情况',
  );
  allocate(
    { recipientOrganizationId: null, recipientProject: '内厝镇莲塘村道路硬化工程', purpose: '工程进度款（第二期）', amount: '248600.00', date: '2015-11-10' },
    '莲塘村道路硬化工程第二期进度款拨付情况',
  );
  return { allocations, publications };
}
