/**
 * The hand-written baseline: scenario (a), the portal catalog page with its
 * cross-links, answered straight from the driver with the fewest queries
 * (no GraphQL) and serialised to the same JSON the gateway returns for
 * `CATALOG_PAGE_QUERY`. It is the practical limit of this store for that
 * page: two rounds, five round trips (one aggregation per store with its
 * records looked up, then the organizations with their parents).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db, Document, MongoClient } from 'mongodb';
import { CATALOG_COLLECTION } from '../../datasources/catalog/catalog-source.js';
import { fromDecimal128 } from '../../datasources/decimal-money.js';
import { ALLOCATIONS, EXPENSES, STATEMENTS } from '../../datasources/finance/finance-store.js';
import { DOCUMENTS, ORGANIZATIONS } from '../../datasources/office/office-store.js';
import { APPOINTMENTS, PEOPLE, POSTS } from '../../datasources/personnel/personnel-store.js';
import { RELEASES, SUPPLIERS } from '../../datasources/procurement/procurement-store.js';
import { STORE_NAMES, type StoreName } from '../../datasources/store-name.js';
import { convertYuan, sumYuan } from '../../schema/money.js';
import { MoneyUnit } from '../../schema/money-unit.enum.js';

const ITEM_ORDER = ['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION'];
const SEARCH_FIELDS = { searchTerms: 0, searchText: 0 };

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const yuan = (stored: unknown) => convertYuan(fromDecimal128(stored as string), MoneyUnit.YUAN);

function byId(docs: Document[]): Map<string, Document> {
  return new Map(docs.map((d) => [d._id as unknown as string, d]));
}

/** Newest first, then id descending by UTF-8 bytes: the gateway's default catalog order. */
function newestFirst(a: Document, b: Document): number {
  const byTime = (b.publishedAt as Date).getTime() - (a.publishedAt as Date).getTime();
  return byTime !== 0 ? byTime : Buffer.compare(Buffer.from(b._id as unknown as string), Buffer.from(a._id as unknown as string));
}

/** `$lookup` of the documents of `from` whose `foreignField` equals the value(s) at `localField`. */
const lookup = (from: string, localField: string, foreignField: string, as: string): Document => ({ $lookup: { from, localField, foreignField, as } });

/** The joined documents of every entry under `as`, each once. */
function joined(entries: Document[], as: string): Document[] {
  return [...byId(entries.flatMap((e) => (e[as] ?? []) as Document[])).values()];
}

/** The `data` of the catalog page of `first` items at `now`, as the gateway would answer it. */
export async function handwrittenCatalogPage(client: MongoClient, first: number, now: Date): Promise<Document> {
  const dbs = Object.fromEntries(STORE_NAMES.map((name) => [name, client.db(name)])) as Record<StoreName, Db>;
  // Round one: each store's first entries with their records and the records' links, one aggregation per store.
  const joins: Record<StoreName, Document[]> = {
    finance: [lookup(STATEMENTS, '_id', '_id', 'statements'), lookup(EXPENSES, '_id', 'statementId', 'expenses'), lookup(ALLOCATIONS, '_id', '_id', 'allocations')],
    procurement: [lookup(RELEASES, '_id', '_id', 'releases'), lookup(SUPPLIERS, 'releases.awards.suppliers.id', '_id', 'suppliers')],
    personnel: [lookup(APPOINTMENTS, '_id', '_id', 'appointments'), lookup(PEOPLE, 'appointments.personId', '_id', 'people'), lookup(POSTS, 'appointments.postId', '_id', 'posts')],
    office: [lookup(DOCUMENTS, '_id', '_id', 'documents')],
  };
  const pages = await Promise.all(
    STORE_NAMES.map((name) =>
      dbs[name].collection(CATALOG_COLLECTION)
        .aggregate([{ $match: { publishedAt: { $lte: now } } }, { $sort: { publishedAt: -1, _id: -1 } }, { $limit: first + 1 }, { $project: SEARCH_FIELDS }, ...joins[name]], { batchSize: first + 1 })
        .toArray(),
    ),
  );
  const entries = pages.flat().sort(newestFirst).slice(0, first);
  const statements = joined(entries, 'statements');
  const expenses = joined(entries, 'expenses');
  const allocations = joined(entries, 'allocations');
  const releases = joined(entries, 'releases');
  const suppliers = joined(entries, 'suppliers');
  const appointments = joined(entries, 'appointments');
  const people = joined(entries, 'people');
  const posts = joined(entries, 'posts');
  const documents = joined(entries, 'documents');
  // Round two: the organizations named (publishers, recipients) with their parents, in one aggregation.
  const orgIds = [...new Set([...entries.map((e) => e.organizationId as string), ...allocations.map((a) => a.recipientOrganizationId as string | null).filter((id): id is string => id !== null)])];
  const orgs = await dbs.office.collection(ORGANIZATIONS).aggregate([{ $match: { _id: { $in: orgIds } } }, lookup(ORGANIZATIONS, 'parentId', '_id', 'parents')], { batchSize: 10_000 }).toArray();
  const organizations = byId([...orgs, ...joined(orgs, 'parents')]);
  const records = byId([...statements, ...allocations, ...releases, ...appointments, ...documents]);
  const supplierById = byId(suppliers);
  const personById = byId(people);
  const postById = byId(posts);
  const itemsOf = new Map<string, Document[]>();
  for (const expense of expenses) {
    const list = itemsOf.get(expense.statementId as string) ?? [];
    list.push(expense);
    itemsOf.set(expense.statementId as string, list);
  }

  const organization = (id: string) => {
    const org = organizations.get(id);
    if (!org) return null;
    const parent = org.parentId ? organizations.get(org.parentId as string) : undefined;
    return { id: gid('Organization', id), name: org.name, parent: parent ? { id: gid('Organization', parent._id as unknown as string), name: parent.name } : null };
  };
  const edges = entries.map((entry) => {
    const kind = entry.kind as string;
    const record = records.get(entry._id as unknown as string)!;
    const node: Document = { __typename: kind, id: gid(kind, entry._id as unknown as string), title: entry.title, organization: organization(entry.organizationId as string) };
    if (kind === 'ThreePublicExpenseStatement') {
      const items = [...(itemsOf.get(record._id as unknown as string) ?? [])].sort((a, b) => ITEM_ORDER.indexOf(a.item as string) - ITEM_ORDER.indexOf(b.item as string));
      node.phase = record.phase;
      node.month = record.month;
      node.total = convertYuan(sumYuan(items.map((i) => fromDecimal128(i.amount as string))), MoneyUnit.YUAN);
      node.items = items.map((i) => ({ item: i.item, amount: yuan(i.amount), groups: i.groups, travellers: i.travellers, vehiclesPurchased: i.vehiclesPurchased, vehiclesHeld: i.vehiclesHeld, receptions: i.receptions, guests: i.guests }));
    } else if (kind === 'Procurement') {
      node.ocid = record.ocid;
      node.awards = (record.awards as Document[]).map((award) => ({
        value: { amount: yuan((award.value as Document).amount) },
        suppliers: (award.suppliers as Document[]).map((s) => supplierById.get(s.id as string)).filter((s) => s !== undefined).map((s) => ({ id: gid('Supplier', s._id as unknown as string), name: s.name })),
      }));
    } else if (kind === 'Appointment') {
      const person = personById.get(record.personId as string);
      const post = postById.get(record.postId as string);
      node.action = record.action;
      node.person = person ? { id: gid('Person', person._id as unknown as string), name: person.name } : null;
      node.post = post ? { id: gid('Post', post._id as unknown as string), label: post.label } : null;
    } else if (kind === 'FundAllocation') {
      const recipient = record.recipientOrganizationId ? organizations.get(record.recipientOrganizationId as string) : undefined;
      node.amount = yuan(record.amount);
      node.recipientOrganization = recipient ? { name: recipient.name } : null;
    } else {
      node.documentType = record.documentType;
      node.body = record.body;
    }
    return { node };
  });
  return { disclosures: { edges } };
}

/** An HTTP server answering POST /graphql with the catalog page of `variables.first` items (any query text: it serves one page only). */
export async function startHandwrittenServer(client: MongoClient): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { first?: number } };
          const data = await handwrittenCatalogPage(client, body.variables?.first ?? 50, new Date());
          const text = JSON.stringify({ data });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
