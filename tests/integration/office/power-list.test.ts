/**
 * The power list over HTTP: items filtered by kind, handling organization,
 * delegation and list, counted (the seed's 15 and 29), each linked to the
 * list that published it; the list itself is in the catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

const ITEMS = `
  query Items($filter: PowerListItemFilter, $first: Int) {
    powerListItems(filter: $filter, first: $first) {
      totalCount
      edges { node { id sequence kind name legalBasis delegatedFromDistrict delegatedOn statutoryTimeLimitDays promisedTimeLimitDays
        fee { charged amount basis } handlingOrganization { name } list { title category indexNumber } } }
    }
  }`;

interface Item {
  id: string;
  sequence: number;
  kind: string;
  name: string;
  delegatedFromDistrict: boolean;
  handlingOrganization: { name: string };
  list: { title: string; category: string };
  fee: { charged: boolean; amount: string | null };
  [field: string]: unknown;
}

async function items(filter: Record<string, unknown>, first = 100): Promise<{ totalCount: number; edges: Array<{ node: Item }> }> {
  const result = await gateway.graphql<{ powerListItems: { totalCount: number; edges: Array<{ node: Item }> } }>(ITEMS, { filter, first });
  expect(result.errors).toBeUndefined();
  return result.data!.powerListItems;
}

describe('the power list', () => {
  it('counts 15 delegated approval items and 29 public service items', async () => {
    const approvals = await items({ kinds: ['ADMINISTRATIVE_APPROVAL'] });
    expect(approvals.totalCount).toBe(15);
    expect(approvals.edges.every((e) => e.node.delegatedFromDistrict && e.node.delegatedOn === '2015-03-20')).toBe(true);
    expect(approvals.edges.map((e) => e.node.sequence)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(approvals.edges[14]!.node).toMatchObject({ name: '农药经营许可初审', list: { category: 'ADMINISTRATIVE_APPROVAL_LIST', title: '内厝镇行政审批事项目录清单（区级调整至镇办理15项）' } });
    expect((await items({ kinds: ['PUBLIC_SERVICE'] })).totalCount).toBe(29);
    expect((await items({ delegatedFromDistrict: true })).totalCount).toBe(15);
    expect((await items({})).totalCount).toBe(44);
    expect((await items({ kinds: ['ADMINISTRATIVE_PUNISHMENT'] })).totalCount).toBe(0);
  });

  it('filters by handling organization, with or without its departments', async () => {
    const social = await items({ organizationId: toGlobalId('Organization', 'org-neicuo-shsw') });
    expect(social.totalCount).toBeGreaterThan(0);
    expect(social.edges.every((e) => e.node.handlingOrganization.name === '内厝镇社会事务办公室')).toBe(true);
    const socialApprovals = await items({ organizationId: toGlobalId('Organization', 'org-neicuo-shsw'), kinds: ['ADMINISTRATIVE_APPROVAL'] });
    expect(socialApprovals.edges.map((e) => e.node.name)).toContain('临时救助审批');
    expect((await items({ organizationId: toGlobalId('Organization', 'org-neicuo') })).totalCount).toBe(0);
    expect((await items({ organizationId: toGlobalId('Organization', 'org-neicuo'), includeSubOrganizations: true })).totalCount).toBe(44);
  });

  it('pages by list position and filters by list', async () => {
    const lists = await gateway.graphql<{ disclosures: { edges: Array<{ node: { id: string; title: string; items: { totalCount: number; edges: Array<{ node: { name: string } }> } } }> } }>(
      `{ disclosures(first: 10, filter: { kinds: [PowerList] }) { edges { node { id title ... on PowerList { items(first: 3) { totalCount edges { node { name } } } } } } } }`,
    );
    expect(lists.errors).toBeUndefined();
    const byTitle = Object.fromEntries(lists.data!.disclosures.edges.map((e) => [e.node.title, e.node]));
    expect(byTitle['内厝镇公共服务事项目录清单（29项）']!.items.totalCount).toBe(29);
    expect(byTitle['内厝镇公共服务事项目录清单（29项）']!.items.edges.map((e) => e.node.name)).toEqual(['城乡居民养老保险参保登记', '城乡居民医疗保险参保登记', '独生子女父母奖励扶助申报']);
    const serviceList = byTitle['内厝镇公共服务事项目录清单（29项）']!.id;
    expect((await items({ listId: serviceList })).totalCount).toBe(29);
    const first = await items({ listId: serviceList }, 5);
    expect(first.edges).toHaveLength(5);
  });

  it('an item is a node; a bad list id is BAD_USER_INPUT', async () => {
    const [one] = (await items({ kinds: ['ADMINISTRATIVE_APPROVAL'] }, 1)).edges;
    const node = await gateway.graphql<{ node: { __typename: string; name: string } }>(`query($id: ID!) { node(id: $id) { __typename ... on PowerListItem { name } } }`, { id: one!.node.id });
    expect(node.data!.node).toEqual({ __typename: 'PowerListItem', name: '农村村民住宅建设用地审核' });
    const bad = await gateway.graphql(ITEMS, { filter: { listId: toGlobalId('Organization', 'org-neicuo') } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.listId' });
  });

  it('a fee is an exact decimal in 元 or 万元', async () => {
    const result = await gateway.graphql<{ powerListItems: { edges: Array<{ node: { fee: { charged: boolean; yuan: string; wan: string } } }> } }>(
      `{ powerListItems(filter: { kinds: [ADMINISTRATIVE_APPROVAL] }, first: 100) { edges { node { fee { charged yuan: amount wan: amount(unit: WAN_YUAN) } } } } }`,
    );
    const charged = result.data!.powerListItems.edges.filter((e) => e.node.fee.charged);
    expect(charged.map((e) => e.node.fee)).toEqual([{ charged: true, yuan: '0.00', wan: '0.000000' }]);
  });
});
