/** The demo's 三公 statements and their expense items: the 2015 budget, the 2015 monthly finals and the 2014 annual final. */
import type { ThreePublicExpenseRecord, ThreePublicItem, ThreePublicStatementRecord } from '../finance/finance-records.js';
import { between, seededRandom, yuanFromFen } from './seeded-random.js';
import { chinaTime, type Publication } from './demo-catalog.js';
import { TOWN } from './demo-organizations.js';

const ITEM_NAMES: Record<ThreePublicItem, string> = {
  OVERSEAS_TRAVEL: '因公出国(境)费',
  VEHICLE_PURCHASE: '公务用车购置费',
  VEHICLE_OPERATION: '公务用车运行维护费',
  OFFICIAL_RECEPTION: '公务接待费',
};

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

/** Statements, their items, allocations and the publications of both. *//** Statements, their items and the statements' publications, from a fixed seed. */
export function demoThreePublic(): { statements: ThreePublicStatementRecord[]; expenses: ThreePublicExpenseRecord[]; publications: Publication[] } {
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
  return { statements, expenses, publications };
}
