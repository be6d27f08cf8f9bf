/**
 * The demo's land notices: the requisition notice of 莲塘村 and the
 * expropriation compensation plan of 官路村 (统筹城乡事业发展). Their
 * compensation records add up exactly to the compensation payments the
 * finance store allocated to the two villages (alloc-2015-081, -082).
 */
import type { CompensationStandard, LandCompensationRecord, LandNoticeRecord } from '../office/land-records.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { DEPT } from './demo-organizations.js';
import { sumDecimals, timesDecimal } from '../office/exact-decimal.js';

/** Titles of the two notices, as 统筹城乡事业发展 lists them. */
export const LAND_NOTICE_TITLES = ['内厝镇莲塘村征地信息公告', '内厝镇官路村土地房屋征收补偿方案公示'] as const;

const STANDARDS: CompensationStandard[] = [
  { item: '土地补偿费', rate: '16000.00', unit: '亩' },
  { item: '安置补助费', rate: '8000.00', unit: '亩' },
  { item: '青苗补偿费', rate: '1500.00', unit: '亩' },
];

/** The compensation per standard for `areaMu`, plus the measured fixtures (地上附着物), all paid by one allocation. */
function compensations(villageId: string, areaMu: string, fixtures: string, paidOn: string, allocationId: string): LandCompensationRecord[] {
  return [
    ...STANDARDS.map((s) => ({ villageId, item: s.item, amount: timesDecimal(s.rate, areaMu), paidOn, allocationId })),
    { villageId, item: '地上附着物补偿（按实测）', amount: fixtures, paidOn, allocationId },
  ];
}

/** The notices and their publications. */
export function demoLandNotices(): { notices: LandNoticeRecord[]; publications: Publication[] } {
  const liantang = 'org-neicuo-v-liantang';
  const guanlu = 'org-neicuo-v-guanlu';
  const notices: LandNoticeRecord[] = [
    {
      id: 'land-2015-001',
      noticeType: 'REQUISITION',
      location: '内厝镇莲塘村东侧：东至莲河路，西至村道，南至灌溉水渠，北至莲塘小学',
      areaMu: '48.5',
      purpose: '翔安区重点项目（莲塘片区道路及配套设施）建设',
      affectedVillageIds: [liantang],
      announcedOn: '2015-03-30',
      objectionsUntil: '2015-04-09',
      approvalDocuments: [{ documentNumber: '闽政地〔2015〕112号', issuer: '福建省人民政府', issuedOn: '2015-02-10' }],
      standards: STANDARDS,
      compensations: compensations(liantang, '48.5', '49700.00', '2015-05-12', 'alloc-2015-081'),
      body: '因翔安区重点项目建设需要，拟征收莲塘村集体土地，现将征地范围、面积、补偿标准和安置途径予以公告。被征地村民对补偿标准有异议的，可在公告之日起10日内向镇规建办申请听证。',
    },
    {
      id: 'land-2015-002',
      noticeType: 'EXPROPRIATION_COMPENSATION',
      location: '内厝镇官路村旧村片区：东至官路溪，西至翔安大道，南至官路村委会，北至村道',
      areaMu: '32.6',
      purpose: '官路村旧村改造及安置房建设',
      affectedVillageIds: [guanlu],
      announcedOn: '2015-06-30',
      objectionsUntil: '2015-07-10',
      approvalDocuments: [
        { documentNumber: '厦府地〔2015〕58号', issuer: '厦门市人民政府', issuedOn: '2015-05-20' },
        { documentNumber: '厦翔征〔2015〕7号', issuer: '厦门市翔安区人民政府', issuedOn: '2015-06-15' },
      ],
      standards: STANDARDS,
      compensations: compensations(guanlu, '32.6', '31900.50', '2015-07-14', 'alloc-2015-082'),
      body: '现将官路村土地房屋征收补偿方案予以公示，征收补偿标准按厦门市有关规定执行，公示期间群众可向镇规建办提出意见。',
    },
  ];
  const publications = notices.map((notice, i): Publication => ({
    id: notice.id,
    kind: 'LandRequisitionNotice',
    title: LAND_NOTICE_TITLES[i]!,
    category: 'URBAN_RURAL_DEVELOPMENT',
    organizationId: DEPT.planning,
    publishedAt: chinaTime(notice.announcedOn, '10:00'),
    channels: ['TOWN_PORTAL', 'VILLAGE_BULLETIN_BOARD', 'SMS_PLATFORM'],
    text: [notice.body, notice.location, notice.purpose, ...notice.approvalDocuments.map((d) => d.documentNumber), `补偿合计${sumDecimals(notice.compensations.map((c) => c.amount))}元`].join('\n'),
  }));
  return { notices, publications };
}
