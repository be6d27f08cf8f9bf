/**
 * The gateway benchmark's data set: a district of towns, each with
 * departments and villages, and about `scale` documents in every store,
 * generated from a fixed seed (the same scale always gives the same data).
 * Sizes are skewed as real districts are: a few large towns hold most of
 * the records, many small towns and departments hold a few each. Titles
 * and texts are Chinese, and catalog entries carry the search terms the
 * gateway's own catalog builder makes.
 */
import type { Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../../datasources/catalog/catalog-source.js';
import type { CatalogEntryDoc, CategoryCode, ChannelCode, DisclosureKind } from '../../datasources/catalog/catalog-entry.js';
import { indexTerms, normalizeText } from '../../datasources/catalog/search-terms.js';
import { toDecimal128 } from '../../datasources/decimal-money.js';
import { ALLOCATIONS, EXPENSES, STATEMENTS } from '../../datasources/finance/finance-store.js';
import { DOCUMENTS, ORGANIZATIONS } from '../../datasources/office/office-store.js';
import { APPOINTMENTS, PEOPLE, POSTS } from '../../datasources/personnel/personnel-store.js';
import { RELEASES, SUPPLIERS } from '../../datasources/procurement/procurement-store.js';
import type { StoreName } from '../../datasources/store-name.js';
import { between, yuanFromFen } from '../../datasources/demo/seeded-random.js';
import { pick, seededRandom } from '../lib/random.js';

/** Words of the search scenario; each appears in a known share of office document titles. */
export const SEARCH_TOPICS = ['征地', '防汛', '垃圾分类', '农村道路', '疫苗接种', '低保', '危房改造', '森林防火', '义务教育', '医疗保险', '河长制', '消防安全'] as const;

const TOWN_NAMES = '内厝新圩马巷新店大嶝金海舫山民安莲河沙美霞浯黄厝洪塘古宅吕塘后村彭厝琼头茂林曾厝溪美下潭大宅锦宅蔡厝浦园后垵'.match(/../gu)!;
const DEPARTMENT_NAMES = ['党政办公室', '财政所', '经济发展办公室', '社会事务办公室', '规划建设办公室', '安全生产监督管理办公室', '综治办', '文化服务中心', '农业服务中心', '计生办', '城管中队', '劳动保障所'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红'.split('');
const POSTS_LABELS = ['主任', '副主任', '所长', '副所长', '站长', '科员', '村委会主任', '村党支部书记'];
const PROCURED = ['办公设备', '道路硬化工程', '垃圾清运服务', '应急物资', '监控系统', '图书', '污水处理设施运行维护', '绿化养护服务', '印刷服务', '网站建设服务'];
const METHODS: Array<['open' | 'selective' | 'limited' | 'direct', string]> = [['open', '公开招标'], ['selective', '竞争性谈判'], ['limited', '询价'], ['direct', '单一来源']];
const DOC_TYPES: Array<['POLICY' | 'NOTICE' | 'NEWS' | 'PHOTO_NEWS', CategoryCode, string]> = [
  ['POLICY', 'POLICY_DOCUMENTS', '关于印发{topic}工作实施方案的通知'],
  ['NOTICE', 'NOTICES', '关于做好{topic}工作的通知'],
  ['NEWS', 'WORK_NEWS', '{org}召开{topic}工作推进会'],
  ['PHOTO_NEWS', 'PHOTO_NEWS', '{org}开展{topic}专项行动'],
];
const ITEMS = ['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION'] as const;
const CHANNELS: ChannelCode[] = ['TOWN_PORTAL', 'DISTRICT_PORTAL', 'GOVERNMENT_BULLETIN_BOARD'];
/** Publication times fall in these ten years (UTC+8 days), all in the past. */
const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = 3650;

/** The documents of one collection of one store. */
export interface CollectionData {
  store: StoreName;
  collection: string;
  documents: Document[];
}

interface Organization {
  _id: string;
  name: string;
  otherNames: string[];
  classification: 'DISTRICT' | 'TOWN' | 'DEPARTMENT' | 'VILLAGE';
  parentId: string | null;
  description: string;
}

/** What the scenarios need to know about the data: ids to ask for. */
export interface DatasetIndex {
  /** Global-id-free record ids with their kind, a sample to ask `node(id)` for. */
  items: Array<{ kind: DisclosureKind; id: string }>;
  organizations: string[];
  largeTownIds: string[];
  /** A department of the largest town, for the department credential of the push scenario. */
  departmentId: string;
  /** Catalog entries per store. */
  catalogEntries: Record<StoreName, number>;
}

/** The organizations: one district, `towns` towns (the first three large), each with departments and villages. */
function organizations(scale: number): { all: Organization[]; weighted: Organization[] } {
  const random = seededRandom(7);
  const towns = Math.max(4, Math.min(120, Math.round(scale / 5_000)));
  const all: Organization[] = [{ _id: 'b-district', name: '翔安区', otherNames: [], classification: 'DISTRICT', parentId: null, description: '区级行政机关' }];
  const weighted: Organization[] = [];
  for (let t = 0; t < towns; t++) {
    const name = `${TOWN_NAMES[t % TOWN_NAMES.length]}${t >= TOWN_NAMES.length ? Math.floor(t / TOWN_NAMES.length) + 1 : ''}镇`;
    const town: Organization = { _id: `b-t${t}`, name, otherNames: [], classification: 'TOWN', parentId: 'b-district', description: `${name}人民政府` };
    all.push(town);
    // Large towns are asked for 20 times as often: their records make up most of the data.
    const weight = t < 3 ? 20 : 1;
    const members: Organization[] = [town];
    for (let d = 0; d < between(random, 5, DEPARTMENT_NAMES.length); d++) {
      members.push({ _id: `b-t${t}-d${d}`, name: `${name}${DEPARTMENT_NAMES[d]}`, otherNames: [], classification: 'DEPARTMENT', parentId: town._id, description: `${name}${DEPARTMENT_NAMES[d]}` });
    }
    for (let v = 0; v < between(random, 4, 14); v++) {
      const village = `${name}${pick(random, SURNAMES)}${pick(random, TOWN_NAMES)}村`;
      members.push({ _id: `b-t${t}-v${v}`, name: village, otherNames: [], classification: 'VILLAGE', parentId: town._id, description: `${village}村民委员会` });
    }
    all.push(...members.slice(1));
    for (let w = 0; w < weight; w++) weighted.push(...members);
  }
  return { all, weighted };
}

function catalogEntry(id: string, kind: DisclosureKind, title: string, text: string, category: CategoryCode, organizationId: string, day: number, seq: number): CatalogEntryDoc {
  const publishedAt = new Date(FIRST_DAY + day * 86_400_000 + (seq % 28_800) * 1000);
  return {
    _id: id,
    kind,
    title,
    category,
    organizationId,
    publishedAt,
    indexNumber: `XA-B-${category.length.toString().padStart(2, '0')}-${publishedAt.getUTCFullYear()}-${String(seq).padStart(8, '0')}`,
    channels: CHANNELS.slice(0, 1 + (seq % 3)),
    searchText: normalizeText(`${title}\n${text}`),
    searchTerms: indexTerms(title, text),
  };
}

/**
 * Every collection of every store at `scale` documents per store (within a
 * few percent), one store at a time (so that a million documents per store
 * need not all be held at once), and the ids the scenarios ask for, complete
 * once the generator is done. Deterministic.
 */
export function* generateDataset(scale: number, index: DatasetIndex): Generator<CollectionData[], void, void> {
  const { all: orgs, weighted } = organizations(scale);
  const random = seededRandom(scale);
  const orgOf = () => pick(random, weighted);
  const nameOf = new Map(orgs.map((o) => [o._id, o.name]));
  const villageUnder = new Map<string, Organization>();
  for (const o of orgs) if (o.classification === 'VILLAGE' && o.parentId && !villageUnder.has(o.parentId)) villageUnder.set(o.parentId, o);
  const sample: DatasetIndex['items'] = [];
  const sampleEvery = Math.max(1, Math.floor(scale / 2_000));
  let seq = 0;
  const entry = (id: string, kind: DisclosureKind, title: string, text: string, category: CategoryCode, organizationId: string) => {
    seq++;
    if (seq % sampleEvery === 0) sample.push({ kind, id });
    return catalogEntry(id, kind, title, text, category, organizationId, between(random, 0, DAYS - 1), seq);
  };

  // Finance: a statement is 6 documents (statement, 4 items, entry), an allocation 2; one of each per 8 documents.
  const statements: Document[] = [];
  const expenses: Document[] = [];
  const allocations: Document[] = [];
  const financeCatalog: Document[] = [];
  for (let i = 0; i < Math.floor(scale / 8); i++) {
    const org = orgOf();
    const id = `b-st-${i}`;
    const phase = random() < 0.5 ? 'BUDGET' : 'FINAL';
    const year = 2016 + (i % 10);
    const month = random() < 0.8 ? 1 + (i % 12) : null;
    statements.push({ _id: id, organizationId: org._id, phase, year, month });
    ITEMS.forEach((item, k) => {
      expenses.push({
        _id: `${id}-${k}`, statementId: id, organizationId: org._id, phase, year, month, item,
        amount: toDecimal128(yuanFromFen(between(random, 0, 5_000_000))),
        groups: k === 0 ? between(random, 0, 3) : null, travellers: k === 0 ? between(random, 0, 9) : null,
        vehiclesPurchased: k === 1 ? between(random, 0, 2) : null, vehiclesHeld: k === 2 ? between(random, 1, 12) : null,
        receptions: k === 3 ? between(random, 0, 80) : null, guests: k === 3 ? between(random, 0, 600) : null,
      });
    });
    const title = `${org.name}${year}年${month ? `${month}月` : '度'}“三公”经费${phase === 'BUDGET' ? '预算' : '决算'}`;
    financeCatalog.push(entry(id, 'ThreePublicExpenseStatement', title, '因公出国(境)费 公务用车购置及运行维护费 公务接待费', 'FISCAL_FUNDS', org._id));

    const payer = orgOf();
    const allocationId = `b-al-${i}`;
    const village = (payer.parentId && villageUnder.get(payer.parentId)) || null;
    const purpose = `${2016 + (i % 10)}年村级组织运转经费`;
    const amount = yuanFromFen(between(random, 1_000_000, 90_000_000));
    allocations.push({
      _id: allocationId, payerId: payer._id, recipientOrganizationId: village?._id ?? null, recipientProject: village ? null : `${payer.name}道路硬化工程`,
      purpose, amount: toDecimal128(amount), date: `${year}-0${1 + (i % 9)}-15`, documentNumber: `财〔${year}〕${i % 500}号`,
    });
    financeCatalog.push(entry(allocationId, 'FundAllocation', `${village?.name ?? payer.name}${purpose}下拨情况`, `${payer.name}拨付${purpose}${amount}元`, 'FISCAL_FUNDS', payer._id));
  }

  index.catalogEntries.finance = financeCatalog.length;
  yield [
    { store: 'finance', collection: STATEMENTS, documents: statements },
    { store: 'finance', collection: EXPENSES, documents: expenses },
    { store: 'finance', collection: ALLOCATIONS, documents: allocations },
    { store: 'finance', collection: CATALOG_COLLECTION, documents: financeCatalog },
  ];
  statements.length = 0;
  expenses.length = 0;
  allocations.length = 0;
  financeCatalog.length = 0;

  // Procurement: a release and its entry (2 documents), suppliers one per 40 documents.
  const supplierCount = Math.max(10, Math.floor(scale / 40));
  const suppliers: Document[] = Array.from({ length: supplierCount }, (_, i) => ({
    _id: `b-su-${i}`, name: `厦门${pick(random, TOWN_NAMES)}${pick(random, PROCURED).slice(0, 2)}有限公司${i}`, creditCode: `91350213MA${String(i).padStart(8, '0')}`, locality: '厦门市翔安区',
  }));
  const releases: Document[] = [];
  const procurementCatalog: Document[] = [];
  for (let i = 0; i < Math.floor((scale - supplierCount) / 2); i++) {
    const buyer = orgOf();
    const id = `b-pr-${i}`;
    const [method, details] = pick(random, METHODS);
    const what = pick(random, PROCURED);
    const budget = between(random, 3_000_000, 300_000_000);
    const value = (fen: number) => ({ amount: toDecimal128(yuanFromFen(fen)), currency: 'CNY' });
    const winners = [pick(random, suppliers), ...(random() < 0.2 ? [pick(random, suppliers)] : [])];
    const year = 2016 + (i % 10);
    releases.push({
      _id: id, ocid: `ocds-b-${i}`, tag: ['award'], date: `${year}-06-01`, buyerId: buyer._id,
      tender: { id: `${id}-t`, title: `${buyer.name}${what}`, procurementMethod: method, procurementMethodDetails: details, value: value(budget), tenderPeriod: { startDate: `${year}-05-01`, endDate: `${year}-05-20` }, numberOfTenderers: between(random, 1, 6) },
      awards: [{ id: `${id}-a`, title: `${buyer.name}${what}`, status: 'active', date: `${year}-06-01`, value: value(Math.floor(budget * 0.95)), suppliers: winners.map((s) => ({ id: s._id as string, name: s.name as string })) }],
      contracts: [],
    });
    procurementCatalog.push(entry(id, 'Procurement', `${buyer.name}${what}采购结果公告`, `采购方式：${details}`, 'FISCAL_FUNDS', buyer._id));
  }

  index.catalogEntries.procurement = procurementCatalog.length;
  yield [
    { store: 'procurement', collection: SUPPLIERS, documents: suppliers },
    { store: 'procurement', collection: RELEASES, documents: releases },
    { store: 'procurement', collection: CATALOG_COLLECTION, documents: procurementCatalog },
  ];
  releases.length = 0;
  procurementCatalog.length = 0;

  // Personnel: people and posts (a tenth of the documents each), appointments with their entries.
  const peopleCount = Math.max(10, Math.floor(scale / 10));
  const people: Document[] = Array.from({ length: peopleCount }, (_, i) => ({
    _id: `b-pe-${i}`, name: `${pick(random, SURNAMES)}${pick(random, GIVEN)}${random() < 0.5 ? pick(random, GIVEN) : ''}`, gender: random() < 0.5 ? 'MALE' : 'FEMALE', birthYear: between(random, 1960, 1995),
  }));
  const posts: Document[] = Array.from({ length: peopleCount }, (_, i) => {
    const org = orgOf();
    return { _id: `b-po-${i}`, label: `${org.name}${pick(random, POSTS_LABELS)}`, organizationId: org._id };
  });
  const appointments: Document[] = [];
  const personnelCatalog: Document[] = [];
  for (let i = 0; i < Math.floor((scale - 2 * peopleCount) / 2); i++) {
    const person = pick(random, people);
    const post = pick(random, posts);
    const action = random() < 0.7 ? 'APPOINT' : 'DISMISS';
    const year = 2016 + (i % 10);
    const id = `b-ap-${i}`;
    appointments.push({
      _id: id, action, personId: person._id, postId: post._id, decidedById: nameOf.has(post.organizationId as string) ? post.organizationId : 'b-district',
      effectiveDate: `${year}-03-01`, documentNumber: `委〔${year}〕${i % 300}号`, publicNoticeStart: null, publicNoticeEnd: null,
    });
    personnelCatalog.push(entry(id, 'Appointment', `关于${person.name}同志${action === 'APPOINT' ? '任职' : '免职'}的通知`, post.label as string, 'ORGANIZATION_PERSONNEL', post.organizationId as string));
  }

  index.catalogEntries.personnel = personnelCatalog.length;
  yield [
    { store: 'personnel', collection: PEOPLE, documents: people },
    { store: 'personnel', collection: POSTS, documents: posts },
    { store: 'personnel', collection: APPOINTMENTS, documents: appointments },
    { store: 'personnel', collection: CATALOG_COLLECTION, documents: personnelCatalog },
  ];
  people.length = 0;
  appointments.length = 0;
  personnelCatalog.length = 0;

  // Office: the organizations, and documents with their entries.
  const documents: Document[] = [];
  const officeCatalog: Document[] = [];
  for (let i = 0; i < Math.floor((scale - orgs.length) / 2); i++) {
    const org = orgOf();
    const topic = SEARCH_TOPICS[i % SEARCH_TOPICS.length]!;
    const [documentType, category, template] = pick(random, DOC_TYPES);
    const title = template.replace('{topic}', topic).replace('{org}', org.name);
    const id = `b-do-${i}`;
    const body = `${org.name}${title}。请各村（居）、各部门结合实际，认真抓好落实。`;
    documents.push({ _id: id, documentType, documentNumber: documentType === 'POLICY' ? `${org.name.slice(0, 2)}〔2020〕${i % 200}号` : null, body });
    officeCatalog.push(entry(id, 'PublishedDocument', title, body, category, org._id));
  }

  index.catalogEntries.office = officeCatalog.length;
  index.items = sample;
  index.organizations = orgs.map((o) => o._id);
  yield [
    { store: 'office', collection: ORGANIZATIONS, documents: orgs as unknown as Document[] },
    { store: 'office', collection: DOCUMENTS, documents },
    { store: 'office', collection: CATALOG_COLLECTION, documents: officeCatalog },
  ];
}

/** An index to fill by `generateDataset`. */
export function emptyIndex(): DatasetIndex {
  return {
    items: [],
    organizations: [],
    largeTownIds: ['b-t0', 'b-t1', 'b-t2'],
    departmentId: 'b-t0-d1',
    catalogEntries: { finance: 0, procurement: 0, personnel: 0, office: 0 },
  };
}
