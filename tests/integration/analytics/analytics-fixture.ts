/**
 * A small fixed data set for the analysts' aggregations, with every answer
 * computed by hand in the tests: 三公 lines of three departments, allocations,
 * procurement with split and cancelled awards, appointments, catalog entries
 * in every store, a record whose publication is scheduled in the future, and
 * a thousand 0.10 元 lines whose float sum would be wrong.
 */
import { Decimal128, type Document } from 'mongodb';
import type { Stores } from '../../../datasources/index.js';

export const TOWN = 'an-town';
export const DEPT_A = 'an-dept-a';
export const DEPT_B = 'an-dept-b';
export const DEPT_C = 'an-dept-c';
export const VILLAGE = 'an-village';
export const SUPPLIER_1 = 'an-sup-1';
export const SUPPLIER_2 = 'an-sup-2';
/** A time after every fixture publication but before the scheduled one. */
export const NOW = new Date('2026-01-01T00:00:00Z');

const d = (text: string) => Decimal128.fromString(text);

function expense(id: string, organizationId: string, phase: string, year: number, month: number | null, item: string, amount: string, counts: Document = {}): Document {
  return {
    _id: id,
    statementId: `st-${organizationId}-${phase}-${year}-${month ?? 'y'}`,
    organizationId,
    phase,
    year,
    month,
    item,
    amount: d(amount),
    groups: null,
    travellers: null,
    vehiclesPurchased: null,
    vehiclesHeld: null,
    receptions: null,
    guests: null,
    ...counts,
  };
}

function entry(id: string, kind: string, category: string, organizationId: string, publishedAt: string): Document {
  return { _id: id, kind, title: id, category, organizationId, publishedAt: new Date(publishedAt), indexNumber: `IX-${id}`, channels: [], searchText: id, searchTerms: [] };
}

function release(id: string, buyerId: string, date: string, method: string, details: string, tender: string, tenderers: number, awards: Document[]): Document {
  return {
    _id: id,
    ocid: `ocds-an-${id}`,
    tag: ['award'],
    date,
    buyerId,
    tender: { id: `${id}-t`, title: id, procurementMethod: method, procurementMethodDetails: details, value: { amount: d(tender), currency: 'CNY' }, tenderPeriod: { startDate: date, endDate: date }, numberOfTenderers: tenderers },
    awards: awards.map((a, i) => ({ id: `${id}-a${i}`, title: id, date, status: a.status, value: { amount: d(a.value as string), currency: 'CNY' }, suppliers: (a.suppliers as string[]).map((s) => ({ id: s, name: s })) })),
    contracts: [],
  };
}

/** The fixture, by store and collection. */
export function analyticsFixture(): Record<'finance' | 'procurement' | 'personnel' | 'office', Record<string, Document[]>> {
  const tenthLines = Array.from({ length: 1000 }, (_, i) => expense(`tenth-${i}`, DEPT_C, 'FINAL', 2016, (i % 12) + 1, 'OFFICIAL_RECEPTION', '0.10', { receptions: 1, guests: 1 }));
  return {
    office: {
      organizations: [
        { _id: TOWN, name: '分析镇', otherNames: [], classification: 'TOWN', parentId: null, description: '镇' },
        { _id: DEPT_A, name: '甲办', otherNames: [], classification: 'DEPARTMENT', parentId: TOWN, description: '部门' },
        { _id: DEPT_B, name: '乙办', otherNames: [], classification: 'DEPARTMENT', parentId: TOWN, description: '部门' },
        { _id: DEPT_C, name: '丙办', otherNames: [], classification: 'DEPARTMENT', parentId: TOWN, description: '部门' },
        { _id: VILLAGE, name: '丁村', otherNames: [], classification: 'VILLAGE', parentId: TOWN, description: '村' },
      ],
      catalog: [entry('doc-1', 'PublishedDocument', 'WORK_NEWS', TOWN, '2015-03-02T09:00:00+08:00'), entry('doc-2', 'PublishedDocument', 'WORK_NEWS', TOWN, '2015-03-31T23:30:00+08:00')],
    },
    finance: {
      threePublicExpenses: [
        expense('e1', DEPT_A, 'FINAL', 2015, 1, 'OFFICIAL_RECEPTION', '100.10', { receptions: 2, guests: 10 }),
        expense('e2', DEPT_A, 'FINAL', 2015, 2, 'OFFICIAL_RECEPTION', '200.20', { receptions: 3, guests: 12 }),
        expense('e3', DEPT_A, 'FINAL', 2015, 4, 'VEHICLE_OPERATION', '50.00', { vehiclesHeld: 2 }),
        expense('e4', DEPT_B, 'FINAL', 2015, 1, 'OFFICIAL_RECEPTION', '1000.00', { receptions: 1, guests: 4 }),
        expense('e5', TOWN, 'FINAL', 2015, 1, 'OFFICIAL_RECEPTION', '9.99', { receptions: 1, guests: 2 }),
        expense('e6', DEPT_A, 'BUDGET', 2015, null, 'OFFICIAL_RECEPTION', '400.00', { receptions: 6, guests: 30 }),
        expense('e7', DEPT_A, 'BUDGET', 2015, null, 'VEHICLE_OPERATION', '0.00', { vehiclesHeld: 2 }),
        expense('e8', DEPT_B, 'BUDGET', 2015, null, 'OFFICIAL_RECEPTION', '800.00', { receptions: 2, guests: 8 }),
        expense('e9', DEPT_A, 'FINAL', 2014, null, 'OFFICIAL_RECEPTION', '250.00', { receptions: 3, guests: 9 }),
        expense('e10', DEPT_B, 'FINAL', 2014, null, 'OFFICIAL_RECEPTION', '500.00', { receptions: 2, guests: 6 }),
        expense('e11', DEPT_A, 'FINAL', 2014, null, 'VEHICLE_OPERATION', '90.00', { vehiclesHeld: 3 }),
        // Published only in 2099: never counted.
        { ...expense('e-future', DEPT_A, 'FINAL', 2015, 3, 'OFFICIAL_RECEPTION', '7777.00', { receptions: 1, guests: 1 }), statementId: 'st-future' },
        ...tenthLines,
      ],
      fundAllocations: [
        { _id: 'al1', payerId: TOWN, recipientOrganizationId: VILLAGE, recipientProject: null, purpose: '修路', amount: d('1000.50'), date: '2015-03-05', documentNumber: null },
        { _id: 'al2', payerId: TOWN, recipientOrganizationId: VILLAGE, recipientProject: null, purpose: '环境整治', amount: d('2000.00'), date: '2015-07-01', documentNumber: null },
        { _id: 'al3', payerId: DEPT_A, recipientOrganizationId: null, recipientProject: '污水管网', purpose: '工程款', amount: d('300.25'), date: '2015-07-20', documentNumber: null },
      ],
      catalog: [
        entry('fin-1', 'FundAllocation', 'FISCAL_FUNDS', TOWN, '2015-01-05T10:00:00+08:00'),
        entry('fin-2', 'FundAllocation', 'FISCAL_FUNDS', TOWN, '2015-01-31T20:00:00+08:00'),
        entry('fin-3', 'ThreePublicExpenseStatement', 'FISCAL_FUNDS', DEPT_A, '2015-02-01T07:00:00+08:00'),
        entry('st-future', 'ThreePublicExpenseStatement', 'FISCAL_FUNDS', DEPT_A, '2099-01-01T00:00:00+08:00'),
      ],
    },
    procurement: {
      releases: [
        release('r1', DEPT_A, '2015-02-10', 'open', '公开招标', '10000.00', 3, [{ status: 'active', value: '9500.00', suppliers: [SUPPLIER_1] }]),
        release('r2', DEPT_B, '2015-05-15', 'direct', '单一来源', '2000.00', 1, [{ status: 'active', value: '2000.00', suppliers: [SUPPLIER_2] }]),
        release('r3', DEPT_A, '2015-06-01', 'open', '公开招标', '5000.00', 4, [
          { status: 'cancelled', value: '4800.00', suppliers: [SUPPLIER_2] },
          { status: 'active', value: '4700.00', suppliers: [SUPPLIER_1, SUPPLIER_2] },
        ]),
      ],
      suppliers: [
        { _id: SUPPLIER_1, name: '甲公司', creditCode: '91350200000000001A', locality: '厦门市' },
        { _id: SUPPLIER_2, name: '乙公司', creditCode: '91350200000000002B', locality: '厦门市' },
      ],
      catalog: [entry('pr-1', 'Procurement', 'FISCAL_FUNDS', DEPT_A, '2015-02-11T09:00:00+08:00'), entry('pr-2', 'Procurement', 'FISCAL_FUNDS', DEPT_B, '2015-05-16T09:00:00+08:00')],
    },
    personnel: {
      appointments: [
        { _id: 'ap1', action: 'APPOINT', personId: 'p1', postId: 'po1', decidedById: TOWN, effectiveDate: '2015-01-10', documentNumber: '内委〔2015〕1号', publicNoticeStart: null, publicNoticeEnd: null },
        { _id: 'ap2', action: 'DISMISS', personId: 'p2', postId: 'po1', decidedById: TOWN, effectiveDate: '2015-01-10', documentNumber: '内委〔2015〕1号', publicNoticeStart: null, publicNoticeEnd: null },
        { _id: 'ap3', action: 'APPOINT', personId: 'p3', postId: 'po2', decidedById: DEPT_A, effectiveDate: '2015-04-02', documentNumber: '内委〔2015〕7号', publicNoticeStart: null, publicNoticeEnd: null },
      ],
      catalog: [
        entry('pe-1', 'Appointment', 'ORGANIZATION_PERSONNEL', TOWN, '2015-01-11T09:00:00+08:00'),
        entry('pe-2', 'Appointment', 'ORGANIZATION_PERSONNEL', TOWN, '2015-01-11T09:00:00+08:00'),
        entry('pe-3', 'Appointment', 'ORGANIZATION_PERSONNEL', DEPT_A, '2015-04-03T09:00:00+08:00'),
      ],
    },
  };
}

/** Replaces the stores' collections with the fixture. */
export async function loadAnalyticsFixture(stores: Stores): Promise<void> {
  for (const [store, collections] of Object.entries(analyticsFixture()) as Array<[keyof ReturnType<typeof analyticsFixture>, Record<string, Document[]>]>) {
    for (const [name, docs] of Object.entries(collections)) {
      await stores.connections[store].run(async (db) => {
        await db.collection(name).deleteMany({});
        await db.collection(name).insertMany(docs);
      }, { timeoutMS: 30_000 });
    }
  }
}
