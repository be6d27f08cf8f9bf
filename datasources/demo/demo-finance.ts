/** The demo's 三公 statements and expenses and its fund allocations (下拨资金) for 2015, from a fixed seed. */
import type { FundAllocationRecord, ThreePublicExpenseRecord, ThreePublicItem, ThreePublicStatementRecord } from '../finance/finance-records.js';
import { between, seededRandom, yuanFromFen } from './seeded-random.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { DEPT, TOWN, VILLAGES } from './demo-organizations.js';

const ITEM_NAMES: Record<ThreePublicItem, string> = {
  OVERSEAS_TRAVEL: '因公出国(境)费',
  VEHICLE_PURCHASE: '公务用车购置费',
  VEHICLE_OPERATION: '公务用车运行维护费',
  OFFICIAL_RECEPTION: '公务接待费',
};

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const VEHICLES_HELD = 6;
/** 2015 figures of a period without travel abroad or vehicle purchases (公车改革 froze purchases). */
const NO_TRAVEL_NO_PURCHASE = { year: 2015, vehiclesHeld: VEHICLES_HELD, groups: 0, travellers: 0, vehiclesPurchased: 0, overseas: 0, purchase: 0 };

interface Figures {
  year: number;
  /** Official vehicles held (保有量). */
  vehiclesHeld: number;
  groups: number;
  travellers: number;
  vehiclesPurchased: number;
  overseas: number;
  purchase: number;
  operation: number;
  reception: number;
  receptions: number | null;
  guests: number | null;
}

function statement(id: string, phase: 'BUDGET' | 'FINAL', month: number | null, f: Figures) {
  const { year } = f;
  const record: ThreePublicStatementRecord = { id, organizationId: TOWN, phase, year, month };
  const line = (item: ThreePublicItem, fen: number, counts: Partial<ThreePublicExpenseRecord>): ThreePublicExpenseRecord => ({
    id: `${id}-${item.toLowerCase().replace('_', '-')}`,
    statementId: id,
    organizationId: TOWN,
    phase,
    year,
    month,
    item,
    amount: yuanFromFen(fen),
    groups: null,
    travellers: null,
    vehiclesPurchased: null,
    vehiclesHeld: null,
    receptions: null,
    guests: null,
    ...counts,
  });
  const items = [
    line('OVERSEAS_TRAVEL', f.overseas, { groups: f.groups, travellers: f.travellers }),
    line('VEHICLE_PURCHASE', f.purchase, { vehiclesPurchased: f.vehiclesPurchased, vehiclesHeld: f.vehiclesHeld }),
    line('VEHICLE_OPERATION', f.operation, { vehiclesHeld: f.vehiclesHeld }),
    line('OFFICIAL_RECEPTION', f.reception, { receptions: f.receptions, guests: f.guests }),
  ];
  const text = items
    .map((i) => {
      const counts =
        i.item === 'OVERSEAS_TRAVEL'
          ? `（团组${i.groups}个、${i.travellers}人次）`
          : i.item === 'VEHICLE_PURCHASE'
            ? `（购置${i.vehiclesPurchased}辆，保有量${i.vehiclesHeld}辆）`
            : i.item === 'OFFICIAL_RECEPTION' && i.receptions !== null
              ? `（接待${i.receptions}批次、${i.guests}人次）`
              : '';
      return `${ITEM_NAMES[i.item]}${i.amount}元${counts}`;
    })
    .join('；');
  return { record, items, text };
}

/** Statements, their items, allocations and the publications of both. */
export function demoFinance(): {
  statements: ThreePublicStatementRecord[];
  expenses: ThreePublicExpenseRecord[];
  allocations: FundAllocationRecord[];
  publications: Publication[];
} {
  const random = seededRandom(2015_11_26);
  const statements: ThreePublicStatementRecord[] = [];
  const expenses: ThreePublicExpenseRecord[] = [];
  const publications: Publication[] = [];
  const channels = ['GOVERNMENT_BULLETIN_BOARD', 'TOWN_PORTAL'] as const;

  const budget = statement('tpe-2015-budget', 'BUDGET', null, { ...NO_TRAVEL_NO_PURCHASE, operation: 15_600_000, reception: 9_800_000, receptions: null, guests: null });
  statements.push(budget.record);
  expenses.push(...budget.items);
  publications.push({
    id: budget.record.id,
    kind: 'ThreePublicExpenseStatement',
    title: '内厝镇2015年“三公”经费预算情况公开',
    category: 'FISCAL_FUNDS',
    organizationId: TOWN,
    publishedAt: chinaTime('2015-02-10', '10:00'),
    channels: [...channels],
    text: `2015年“三公”经费预算：${budget.text}。`,
  });

  // The 2014 final accounts, published with the department final accounts in mid-2015.
  const final2014 = statement('tpe-2014-final', 'FINAL', null, {
    year: 2014,
    vehiclesHeld: 7,
    groups: 1,
    travellers: 3,
    vehiclesPurchased: 0,
    overseas: 4_860_000,
    purchase: 0,
    operation: 16_843_250,
    reception: 11_287_000,
    receptions: 142,
    guests: 913,
  });
  statements.push(final2014.record);
  expenses.push(...final2014.items);
  publications.push({
    id: final2014.record.id,
    kind: 'ThreePublicExpenseStatement',
    title: '内厝镇2014年度“三公”经费决算情况公开',
    category: 'FISCAL_FUNDS',
    organizationId: TOWN,
    publishedAt: chinaTime('2015-07-24', '10:00'),
    channels: [...channels],
    text: `2014年度“三公”经费决算：${final2014.text}。`,
  });

  for (let month = 1; month <= 12; month++) {
    const receptions = between(random, 6, 16);
    const monthly = statement(`tpe-2015-${String(month).padStart(2, '0')}`, 'FINAL', month, {
      ...NO_TRAVEL_NO_PURCHASE,
      operation: between(random, 900_000, 1_550_000),
      reception: between(random, 400_000, 980_000),
      receptions,
      guests: receptions * between(random, 4, 8),
    });
    statements.push(monthly.record);
    expenses.push(...monthly.items);
    const published = month === 12 ? chinaTime('2015-12-31', '17:00') : chinaTime(`2015-${String(month + 1).padStart(2, '0')}-10`, '10:00');
    publications.push({
      id: monthly.record.id,
      kind: 'ThreePublicExpenseStatement',
      title: `内厝镇2015年${month}月“三公”经费支出情况公开`,
      category: 'FISCAL_FUNDS',
      organizationId: TOWN,
      publishedAt: published,
      channels: [...channels],
      text: `2015年${month}月“三公”经费支出：${monthly.text}。`,
    });
  }

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
  return { statements, expenses, allocations, publications };
}
