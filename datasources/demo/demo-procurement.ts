/** The demo's government procurements (政府采购) of 2015 as OCDS releases, and their suppliers. */
import type { ProcurementMethod, ProcurementRecord, SupplierRecord } from '../procurement/procurement-records.js';
import { addDays, chinaTime, type Publication } from './demo-catalog.js';
import { DEPT, demoOrganizations } from './demo-organizations.js';

const SUPPLIERS: Array<[name: string, creditCode: string, locality: string]> = [
  ['厦门闽鹭建设工程有限公司', '91350213MA2XN3KQ1L', '厦门市翔安区'],
  ['厦门翔宇市政工程有限公司', '913502133031245786', '厦门市翔安区'],
  ['厦门恒信建筑工程有限公司', '91350212MA31E7WD5H', '厦门市同安区'],
  ['厦门云帆信息技术有限公司', '91350200MA2Y4L8P0T', '厦门市思明区'],
  ['厦门绿洁环境服务有限公司', '91350213MA2YB91C6R', '厦门市翔安区'],
  ['福建安盾应急设备有限公司', '91350100MA34C2HX8K', '福州市鼓楼区'],
  ['厦门联创办公设备有限公司', '91350203MA2XQ0FT3N', '厦门市思明区'],
  ['厦门讯通网络科技有限公司', '91350206MA2Y7RJ24B', '厦门市湖里区'],
  ['厦门清源水务工程有限公司', '91350211MA32K6DN9U', '厦门市集美区'],
  ['厦门明德印务有限公司', '91350213MA2XW5UG7E', '厦门市翔安区'],
];

const METHOD_DETAILS: Record<ProcurementMethod, string> = {
  open: '公开招标',
  selective: '竞争性谈判',
  limited: '询价',
  direct: '单一来源',
};

type Row = [awardDate: string, title: string, buyerId: string, method: ProcurementMethod, budgetYuan: string, awardYuan: string, suppliers: number[], tenderers: number, months: number];

const ROWS: Row[] = [
  ['2015-01-22', '内厝镇政府办公设备采购', DEPT.office, 'limited', '186000.00', '172560.00', [6], 3, 1],
  ['2015-02-13', '内厝镇村务公开栏制作安装', DEPT.office, 'limited', '96000.00', '89800.00', [9], 3, 2],
  ['2015-03-06', '内厝镇农村生活垃圾清运服务', DEPT.planning, 'open', '1280000.00', '1196400.00', [4], 5, 12],
  ['2015-03-27', '内厝镇莲塘村道路硬化工程', DEPT.planning, 'open', '2350000.00', '2218756.30', [0], 6, 6],
  ['2015-04-15', '内厝镇安全生产应急物资采购', DEPT.safety, 'limited', '158000.00', '149320.00', [5], 3, 1],
  ['2015-04-29', '内厝镇短信公开平台服务', DEPT.office, 'direct', '68000.00', '68000.00', [7], 1, 12],
  ['2015-05-20', '内厝镇防汛抢险物资储备', DEPT.safety, 'limited', '120000.00', '113650.00', [5], 3, 1],
  ['2015-06-10', '官路村文化活动中心修缮工程', DEPT.culture, 'selective', '680000.00', '652300.00', [2], 3, 4],
  ['2015-06-24', '内厝镇网格化管理信息平台建设', DEPT.order, 'selective', '420000.00', '398000.00', [3], 3, 5],
  ['2015-07-08', '内厝镇农村生活污水处理设施运行维护', DEPT.planning, 'open', '860000.00', '812450.00', [8], 4, 12],
  ['2015-07-22', '内厝镇农家书屋图书采购', DEPT.culture, 'limited', '75000.00', '71230.00', [6], 3, 1],
  ['2015-08-12', '“苏迪罗”台风灾后道路清障及修复工程', DEPT.safety, 'direct', '310000.00', '306880.00', [1], 1, 1],
  ['2015-08-28', '内厝镇森林防火视频监控系统', DEPT.agriculture, 'selective', '540000.00', '517900.00', [3], 3, 3],
  ['2015-09-09', '内厝镇美丽乡村景观提升工程（许厝村）', DEPT.planning, 'open', '1650000.00', '1562870.45', [0, 2], 5, 5],
  ['2015-09-23', '内厝镇政府门户网站改版建设服务', DEPT.office, 'selective', '260000.00', '248000.00', [3], 3, 3],
  ['2015-10-14', '内厝镇政府信息公开资料印制', DEPT.office, 'limited', '38000.00', '35600.00', [9], 3, 1],
  ['2015-10-28', '内厝镇黄厝村排洪沟整治工程', DEPT.planning, 'open', '980000.00', '936218.00', [1], 4, 4],
  ['2015-11-11', '内厝镇敬老院适老化改造工程', DEPT.social, 'selective', '450000.00', '431500.00', [2], 3, 3],
  ['2015-11-25', '内厝镇冬春季动物防疫物资采购', DEPT.agriculture, 'limited', '64000.00', '60880.00', [6], 3, 1],
  ['2015-12-31', '内厝镇2016年度农村保洁服务', DEPT.planning, 'open', '1350000.00', '1268800.00', [4], 5, 12],
];

/** Releases, suppliers and their publications. */
export function demoProcurement(): { releases: ProcurementRecord[]; suppliers: SupplierRecord[]; publications: Publication[] } {
  const suppliers: SupplierRecord[] = SUPPLIERS.map(([name, creditCode, locality], i) => ({
    id: `supplier-${String(i + 1).padStart(3, '0')}`,
    name,
    creditCode,
    locality,
  }));
  const releases: ProcurementRecord[] = [];
  const orgName = new Map(demoOrganizations().map((o) => [o.id, o.name]));
  const publications: Publication[] = [];
  ROWS.forEach(([awardDate, title, buyerId, method, budget, awarded, winners, tenderers, months], index) => {
    const n = String(index + 1).padStart(3, '0');
    const ocid = `ocds-nc2015-XANC-2015-${n}`;
    const dateSigned = addDays(awardDate, 7);
    const end = addDays(dateSigned, months * 30);
    const awardSuppliers = winners.map((w) => ({ id: suppliers[w]!.id, name: suppliers[w]!.name }));
    const value = (amount: string) => ({ amount, currency: 'CNY' as const });
    releases.push({
      id: `proc-2015-${n}`,
      ocid,
      tag: ['award', 'contract'],
      date: awardDate,
      buyerId,
      tender: {
        id: `${ocid}-tender`,
        title,
        procurementMethod: method,
        procurementMethodDetails: METHOD_DETAILS[method],
        value: value(budget),
        tenderPeriod: { startDate: addDays(awardDate, -30), endDate: addDays(awardDate, -10) },
        numberOfTenderers: tenderers,
      },
      awards: [{ id: `${ocid}-award-1`, title: `${title}成交结果`, status: 'active', date: awardDate, value: value(awarded), suppliers: awardSuppliers }],
      contracts: [
        { id: `${ocid}-contract-1`, awardId: `${ocid}-award-1`, title: `${title}合同`, status: 'active', value: value(awarded), dateSigned, period: { startDate: dateSigned, endDate: end } },
      ],
    });
    publications.push({
      id: `proc-2015-${n}`,
      kind: 'Procurement',
      title: `${title}${METHOD_DETAILS[method]}成交公告`,
      category: 'FISCAL_FUNDS',
      organizationId: buyerId,
      publishedAt: awardDate === '2015-12-31' ? chinaTime(awardDate, '16:45') : chinaTime(awardDate, '11:00'),
      channels: ['TOWN_PORTAL'],
      text: `采购人：${orgName.get(buyerId)}；采购方式：${METHOD_DETAILS[method]}；预算金额${budget}元；成交供应商：${awardSuppliers.map((s) => s.name).join('、')}；成交金额${awarded}元。`,
    });
  });
  return { releases, suppliers, publications };
}
