/**
 * The demo data set: Neicuo town (内厝镇) in 2015, written from the town's
 * disclosure work report. Its catalog reproduces the report's figures for
 * January–November (机构职能人事任免 18, 政策及规范性文件 5, 社会公益事业建设 5,
 * 统筹城乡事业发展 4, 科教文卫事业建设 5, 安全生产应急管理 5, 行政审批目录清单 1,
 * 公共服务事项目录清单 1, 工作动态 28, 通知通告 8, 图片新闻 9); December adds
 * a few records. Everything is fixed: loading twice gives the same data.
 */
import type { Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import { toDecimal128 } from '../decimal-money.js';
import { ALLOCATIONS, EXPENSES, STATEMENTS } from '../finance/finance-store.js';
import type { Stores } from '../index.js';
import { DOCUMENTS, ORGANIZATIONS } from '../office/office-store.js';
import { ATTACHMENT_FILES, INTERPRETATIONS, POLICIES } from '../office/policy-store.js';
import { POWER_LIST_ITEMS, POWER_LISTS } from '../office/power-list-store.js';
import { LAND_NOTICES } from '../office/land-store.js';
import { PORTAL_ARTICLES } from '../office/portal-store.js';
import { BROADCASTS, DELIVERIES, READING_POINTS } from '../office/broadcast-store.js';
import { APPOINTMENTS, PEOPLE, POSTS } from '../personnel/personnel-store.js';
import { RELEASES, SUPPLIERS } from '../procurement/procurement-store.js';
import type { StoreName } from '../store-name.js';
import { catalogEntries, type Publication } from './demo-catalog.js';
import { demoDocuments } from './demo-documents.js';
import { demoApplicationCollections } from './demo-applications.js';
import { demoLandNotices } from './demo-office-land.js';
import { demoPolicies } from './demo-office-policies.js';
import { demoPortal } from './demo-office-portal.js';
import { demoBroadcasts } from './demo-office-broadcasts.js';
import { demoPowerLists } from './demo-power-list.js';
import { demoFinance } from './demo-finance.js';
import { demoOrganizations } from './demo-organizations.js';
import { demoPersonnel } from './demo-personnel.js';
import { demoProcurement } from './demo-procurement.js';

/** Loading is bulk work: it may take longer than a request may wait. */
const BULK_TIMEOUT_MS = 120_000;

/** A record with `id` as stored: `_id`, money as Decimal128. */
function stored(record: { id: string } & Record<string, unknown>, money: (doc: Document) => Document = (doc) => doc): Document {
  const { id, ...rest } = record;
  return money({ _id: id, ...rest });
}

function withAmount(doc: Document): Document {
  return { ...doc, amount: toDecimal128(doc.amount as string) };
}

function withFee(doc: Document): Document {
  return { ...doc, fee: { ...doc.fee, amount: doc.fee.amount === null ? null : toDecimal128(doc.fee.amount as string) } };
}

function withLandAmounts(doc: Document): Document {
  return {
    ...doc,
    areaMu: toDecimal128(doc.areaMu as string),
    standards: (doc.standards as Document[]).map((s) => ({ ...s, rate: toDecimal128(s.rate as string) })),
    compensations: (doc.compensations as Document[]).map((c) => ({ ...c, amount: toDecimal128(c.amount as string) })),
  };
}

function withValues(doc: Document): Document {
  const value = (v: Document) => ({ ...v, amount: toDecimal128(v.amount as string) });
  return {
    ...doc,
    tender: { ...doc.tender, value: value(doc.tender.value) },
    awards: (doc.awards as Document[]).map((a) => ({ ...a, value: value(a.value) })),
    contracts: (doc.contracts as Document[]).map((c) => ({ ...c, value: value(c.value) })),
  };
}

/** Every demo document, by store and collection. */
export function demoCollections(): Record<StoreName, Record<string, Document[]>> {
  const personnel = demoPersonnel();
  const finance = demoFinance();
  const procurement = demoProcurement();
  const office = demoDocuments();
  const policies = demoPolicies();
  const powerLists = demoPowerLists();
  const land = demoLandNotices();
  const portal = demoPortal();
  const broadcasts = demoBroadcasts();
  const officePublications = [...office.publications, ...policies.publications, ...powerLists.publications, ...land.publications, ...portal.publications, ...broadcasts.publications];
  // Numbered together, so index numbers are unique across stores.
  const entries = catalogEntries([...personnel.publications, ...finance.publications, ...procurement.publications, ...officePublications]);
  const catalog = (publications: Publication[]) => {
    const ids = new Set(publications.map((p) => p.id));
    return entries.filter((entry) => ids.has(entry._id)) as unknown as Document[];
  };
  return {
    office: {
      [ORGANIZATIONS]: demoOrganizations().map((o) => stored({ ...o })),
      [DOCUMENTS]: office.documents.map((d) => stored({ ...d })),
      ...demoApplicationCollections(),
      [POLICIES]: policies.policies.map((p) => stored({ ...p })),
      [INTERPRETATIONS]: policies.interpretations.map((i) => stored({ ...i })),
      [ATTACHMENT_FILES]: policies.files.map((f) => stored({ ...f })),
      [POWER_LISTS]: powerLists.lists.map((l) => stored({ ...l })),
      [POWER_LIST_ITEMS]: powerLists.items.map((item) => stored({ ...item }, withFee)),
      [LAND_NOTICES]: land.notices.map((n) => stored({ ...n }, withLandAmounts)),
      [PORTAL_ARTICLES]: portal.articles.map((a) => stored({ ...a })),
      [BROADCASTS]: broadcasts.broadcasts.map((b) => stored({ ...b })),
      [READING_POINTS]: broadcasts.readingPoints.map((r) => stored({ ...r })),
      [DELIVERIES]: broadcasts.deliveries.map((d) => stored({ ...d })),
      [CATALOG_COLLECTION]: catalog(officePublications),
    },
    personnel: {
      [PEOPLE]: personnel.people.map((p) => stored({ ...p })),
      [POSTS]: personnel.posts.map((p) => stored({ ...p })),
      [APPOINTMENTS]: personnel.appointments.map((a) => stored({ ...a })),
      [CATALOG_COLLECTION]: catalog(personnel.publications),
    },
    finance: {
      [STATEMENTS]: finance.statements.map((s) => stored({ ...s })),
      [EXPENSES]: finance.expenses.map((e) => stored({ ...e }, withAmount)),
      [ALLOCATIONS]: finance.allocations.map((a) => stored({ ...a }, withAmount)),
      [CATALOG_COLLECTION]: catalog(finance.publications),
    },
    procurement: {
      [RELEASES]: procurement.releases.map((r) => stored({ ...r }, withValues)),
      [SUPPLIERS]: procurement.suppliers.map((s) => stored({ ...s })),
      [CATALOG_COLLECTION]: catalog(procurement.publications),
    },
  };
}

/**
 * Loads the demo data into the stores. With `reset`, the demo collections are
 * emptied first; without it, stores that already hold data are left alone.
 * Resolves with the number of documents per `store.collection` written.
 */
export async function loadDemoData(stores: Stores, options: { reset: boolean }): Promise<{ counts: Record<string, number> }> {
  if (!options.reset && !(await stores.isEmpty())) return { counts: {} };
  const counts: Record<string, number> = {};
  const collections = demoCollections();
  for (const [store, byCollection] of Object.entries(collections) as Array<[StoreName, Record<string, Document[]>]>) {
    for (const [name, docs] of Object.entries(byCollection)) {
      await stores.connections[store].run(async (db) => {
        const collection = db.collection(name);
        // Emptied rather than dropped, so the indexes created at first contact stay.
        if (options.reset) await collection.deleteMany({});
        if (docs.length > 0) await collection.insertMany(docs, { ordered: true });
      }, { timeoutMS: BULK_TIMEOUT_MS });
      counts[`${store}.${name}`] = docs.length;
    }
  }
  return { counts };
}
