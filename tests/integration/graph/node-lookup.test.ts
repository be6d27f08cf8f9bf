/** Every type with a global id can be fetched again with `node(id:)`, with its links resolved across stores. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { NodeByIdDocument, OrganizationRecordsDocument, OrganizationsDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

async function node(type: string, id: string) {
  const result = await gateway.graphql(NodeByIdDocument, { id: toGlobalId(type, id) });
  expect(result.errors).toBeUndefined();
  return result.data!.node as Record<string, unknown> & { __typename: string; id: string };
}

describe('node lookups', () => {
  it('an organization, with its parent and its 17 departments and villages', async () => {
    const town = await node('Organization', 'org-neicuo');
    expect(town).toMatchObject({ __typename: 'Organization', name: '厦门市翔安区内厝镇人民政府', classification: 'TOWN', parent: { name: '厦门市翔安区人民政府' } });
    expect(town.children).toMatchObject({ totalCount: 17 });
  });

  it('an appointment, with person, post, 文号 and 任前公示 period', async () => {
    const appointment = await node('Appointment', 'appt-2015-001');
    expect(appointment).toMatchObject({
      __typename: 'Appointment',
      title: '关于陈志明同志任职的通知',
      action: 'APPOINT',
      effectiveDate: '2015-01-16',
      decisionNumber: '内委〔2015〕3号',
      publicNotice: { startDate: '2015-01-05', endDate: '2015-01-11' },
      person: { name: '陈志明', appointments: { totalCount: 1 } },
      post: { label: '内厝镇财政所所长', organization: { name: '内厝镇财政所' } },
    });
  });

  it('a 三公 statement, whose total is the exact sum of its four items, in 元 and 万元', async () => {
    const statement = await node('ThreePublicExpenseStatement', 'tpe-2015-budget');
    expect(statement).toMatchObject({ phase: 'BUDGET', year: 2015, month: null, total: '254000.00', totalWan: '25.400000' });
    const items = statement.items as Array<{ item: string; amount: string; amountWan: string; id: string }>;
    expect(items.map((i) => i.item)).toEqual(['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION']);
    expect(items[2]).toMatchObject({ amount: '156000.00', amountWan: '15.600000' });
    const item = await gateway.graphql(NodeByIdDocument, { id: items[3]!.id });
    expect(item.data!.node).toMatchObject({ __typename: 'ThreePublicExpense', item: 'OFFICIAL_RECEPTION', amount: '98000.00', statement: { id: statement.id } });
  });

  it('a fund allocation, paid by the finance office to a village', async () => {
    const allocation = await node('FundAllocation', 'alloc-2015-081');
    expect(allocation).toMatchObject({ purpose: '征地补偿款', amount: '1286450.00', amountWan: '128.645000', payer: { name: '内厝镇财政所' }, recipientOrganization: { name: '内厝镇莲塘村村民委员会' } });
  });

  it('a procurement as an OCDS release, its supplier, and the supplier\'s procurements', async () => {
    const procurement = await node('Procurement', 'proc-2015-004');
    expect(procurement).toMatchObject({
      ocid: 'ocds-nc2015-XANC-2015-004',
      buyer: { name: '内厝镇规划建设办公室' },
      tender: { procurementMethod: 'open', procurementMethodDetails: '公开招标', numberOfTenderers: 6, value: { amount: '2350000.00', currency: 'CNY' } },
      awards: [{ value: { amount: '2218756.30' }, suppliers: [{ name: '厦门闽鹭建设工程有限公司' }] }],
    });
    const supplierId = (procurement.awards as Array<{ suppliers: Array<{ id: string }> }>)[0]!.suppliers[0]!.id;
    const supplier = await gateway.graphql(NodeByIdDocument, { id: supplierId });
    expect(supplier.data!.node).toMatchObject({ __typename: 'Supplier', procurements: { totalCount: 2 } });
  });

  it('a published document with its text', async () => {
    // The directory lists, policies, land notices and portal columns have record types of their own (tests/integration/office/).
    const document = await node('PublishedDocument', 'doc-2015-007');
    expect(document).toMatchObject({ documentType: 'NOTICE', category: 'PUBLIC_WELFARE' });
    expect(document.body).toContain('发放救助金额86420元');
  });

  it('an id of nothing is null; a malformed id is BAD_USER_INPUT', async () => {
    expect(await node('Appointment', 'appt-none')).toBeNull();
    const bad = await gateway.graphql(NodeByIdDocument, { id: '###' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    const unknown = await gateway.graphql(NodeByIdDocument, { id: toGlobalId('Spaceship', 'x') });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('an organization links to its appointments, 三公 statements, fund allocations and procurements in the other stores', async () => {
    const records = async (id: string) => {
      const result = await gateway.graphql(OrganizationRecordsDocument, { id: toGlobalId('Organization', id), first: 100 });
      expect(result.errors).toBeUndefined();
      return result.data!.node as Extract<NonNullable<(typeof result)['data']>['node'], { __typename: 'Organization' }>;
    };
    const financeOffice = await records('org-neicuo-czs');
    expect(financeOffice.appointments.totalCount).toBe(4);
    expect(financeOffice.appointments.edges.map((e) => `${e.node.action} ${e.node.person!.name}`)).toEqual([
      'APPOINT 陈志明',
      'DISMISS 林国华',
      'DISMISS 黄天赐',
      'APPOINT 许雅婷',
    ]);
    expect(financeOffice.fundAllocations.totalCount).toBe(85);
    const town = await records('org-neicuo');
    expect(town.threePublicExpenseStatements.totalCount).toBe(14);
    expect(town.threePublicExpenseStatements.edges.slice(0, 2).map((e) => e.node)).toMatchObject([
      { phase: 'FINAL', month: null, total: '329902.50' },
      { phase: 'BUDGET', month: null, total: '254000.00' },
    ]);
    const village = await records('org-neicuo-v-liantang');
    expect(village.fundAllocations.totalCount).toBe(11);
    expect(village.fundAllocations.edges.map((e) => e.node.purpose)).toContain('征地补偿款');
    const planning = await records('org-neicuo-gjb');
    expect(planning.procurements.totalCount).toBe(6);
  });

  it('organizations page by name and filter by level', async () => {
    const villages = await gateway.graphql(OrganizationsDocument, { classification: 'VILLAGE', first: 5 });
    expect(villages.data!.organizations.totalCount).toBe(8);
    const rest = await gateway.graphql(OrganizationsDocument, { classification: 'VILLAGE', first: 5, after: villages.data!.organizations.pageInfo.endCursor });
    const names = [...villages.data!.organizations.edges, ...rest.data!.organizations.edges].map((e) => e.node.otherNames[0]);
    expect(new Set(names).size).toBe(8);
    expect(rest.data!.organizations.pageInfo.hasNextPage).toBe(false);
  });
});
