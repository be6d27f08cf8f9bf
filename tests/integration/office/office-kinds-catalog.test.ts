/**
 * The office kinds in the catalog: each is found by a Chinese search, counted
 * in catalogSummary, fetched by node(id), and a catalog page holding all of
 * them with every cross-link costs the same store commands at 80, 100 and
 * 120 records (no N+1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCommandEvent } from '../../../datasources/index.js';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { issueRoleKeys } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const commands: StoreCommandEvent[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, onCommand: (event) => commands.push(event) });
});

afterAll(async () => {
  await gateway?.stop();
});

const OFFICE_KINDS = ['PolicyDocument', 'Interpretation', 'PowerList', 'LandRequisitionNotice', 'PortalArticle', 'Broadcast'];

describe('the office kinds in the catalog', () => {
  it.each([
    ['征地拆迁工作实施办法', 'PolicyDocument'],
    ['一图读懂', 'Interpretation'],
    ['农药经营许可初审', 'PowerList'],
    ['闽政地', 'LandRequisitionNotice'],
    ['冬季征兵体检', 'PortalArticle'],
    ['停电检修', 'Broadcast'],
  ])('a search for "%s" finds the %s', async (search, kind) => {
    const result = await gateway.graphql<{ disclosures: { edges: Array<{ node: { __typename: string; kind: string } }> } }>(
      `query($search: String!) { disclosures(first: 20, filter: { search: $search }) { edges { node { __typename kind } } } }`,
      { search },
    );
    expect(result.errors).toBeUndefined();
    const kinds = result.data!.disclosures.edges.map((e) => e.node.__typename);
    expect(kinds).toContain(kind);
    for (const edge of result.data!.disclosures.edges) expect(edge.node.kind).toBe(edge.node.__typename);
  });

  it('catalogSummary counts the new categories beside the seed report\'s own figures', async () => {
    const result = await gateway.graphql<{ catalogSummary: { categories: Array<{ name: string; count: number }> } }>(
      `query($org: ID!) { catalogSummary(organizationId: $org, from: "2015-01-01T00:00:00+08:00", to: "2015-12-01T00:00:00+08:00") { categories { name count } } }`,
      { org: toGlobalId('Organization', 'org-neicuo') },
    );
    const counts = Object.fromEntries(result.data!.catalogSummary.categories.map((c) => [c.name, c.count]));
    expect(counts).toMatchObject({ 政策及规范性文件: 5, 行政审批目录清单: 1, 公共服务事项目录清单: 1, 统筹城乡事业发展: 4, 工作动态: 28, 通知通告: 8, 图片新闻: 9, 政策解读: 9, 信息发布记录: 20 });
  });

  it('the analysts\' catalog aggregation counts every office kind as the catalog lists it', async () => {
    const { analyst } = await issueRoleKeys(gateway);
    const result = await gateway.graphql<{ catalogItemAggregate: { groups: Array<{ key: { kind: string }; count: number }> } }>(
      `{ catalogItemAggregate(groupBy: [KIND]) { groups { key { kind } count } } }`,
      {},
      analyst.headers,
    );
    expect(result.errors).toBeUndefined();
    const counts = Object.fromEntries(result.data!.catalogItemAggregate.groups.map((g) => [g.key.kind, g.count]));
    expect(counts).toMatchObject({ PolicyDocument: 7, Interpretation: 11, PowerList: 2, LandRequisitionNotice: 2, PortalArticle: 47, Broadcast: 20 });
    for (const kind of OFFICE_KINDS) {
      const listed = await gateway.graphql<{ disclosures: { totalCount: number } }>(`query($k: [DisclosureKind!]) { disclosures(first: 1, filter: { kinds: $k }) { totalCount } }`, { k: [kind] });
      expect(listed.data!.disclosures.totalCount).toBe(counts[kind]);
    }
  });

  it('each kind is a node by its global id; an unpublished or unknown one is null', async () => {
    const ids = [
      ['PolicyDocument', 'policy-2015-033'],
      ['Interpretation', 'interp-2015-008'],
      ['PowerList', 'plist-2015-service'],
      ['LandRequisitionNotice', 'land-2015-002'],
      ['PortalArticle', 'portal-2015-work-news-01'],
      ['Broadcast', 'bc-2015-001'],
    ];
    const result = await gateway.graphql<{ nodes: Array<{ __typename: string; kind: string; title: string } | null> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Disclosure { kind title } } }`,
      { ids: [...ids.map(([type, id]) => toGlobalId(type!, id!)), toGlobalId('PolicyDocument', 'policy-none')] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.__typename ?? null)).toEqual([...ids.map(([type]) => type), null]);
    for (const node of result.data!.nodes.slice(0, -1)) expect(node!.kind).toBe(node!.__typename);
  });
});

const OFFICE_PAGE = `
  query OfficePage($first: Int) {
    disclosures(first: $first, filter: { kinds: [PolicyDocument, Interpretation, PowerList, LandRequisitionNotice, PortalArticle, Broadcast, PublishedDocument] }, orderBy: { field: PUBLISHED_AT, direction: ASC }) {
      edges { node {
        __typename title organization { name parent { name } }
        ... on PolicyDocument { issuingOrganization { name } attachments { downloadUrl } interpretations { form policies { documentNumber } } missingInterpretation replacedBy { documentNumber } replaces { documentNumber } }
        ... on Interpretation { policies { title interpretations { form } } }
        ... on PowerList { items(first: 3) { totalCount edges { node { name handlingOrganization { name } list { title } } } } }
        ... on LandRequisitionNotice { affectedVillages { name } compensations { amount village { name } allocation { amount payer { name } } } }
        ... on PortalArticle { column { name } coverImage { url } }
        ... on Broadcast { announced { __typename title organization { name } } }
        ... on PublishedDocument { body }
      } }
    }
  }`;

describe('store round trips of a page of office kinds with every link', () => {
  it('are the same for 80, 100 and 120 records', async () => {
    const run = async (first: number) => {
      commands.length = 0;
      const result = await gateway.graphql<{ disclosures: { edges: Array<{ node: { __typename: string } }> } }>(OFFICE_PAGE, { first });
      expect(result.errors).toBeUndefined();
      const kinds = new Set(result.data!.disclosures.edges.map((e) => e.node.__typename));
      for (const kind of OFFICE_KINDS) expect(kinds).toContain(kind);
      return commands.map((c) => `${c.store}.${c.commandName}`).sort();
    };
    await run(80); // warm-up: connections and indexes in place
    const eighty = await run(80);
    const hundred = await run(100);
    const all = await run(120);
    expect(hundred).toEqual(eighty);
    expect(all).toEqual(eighty);
    // One catalog page, then one $in per store, kind and link, whatever the page size.
    expect(eighty.length).toBeLessThanOrEqual(20);
  });
});
