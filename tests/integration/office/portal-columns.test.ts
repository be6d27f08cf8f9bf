/**
 * The portal from the graph alone: every column's list page is one query
 * (names, counts, summaries, cover images, paging), and an item page is one
 * query (body, images, dates, column, neighbours).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCommandEvent } from '../../../datasources/index.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const commands: StoreCommandEvent[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, onCommand: (event) => commands.push(event) });
});

afterAll(async () => {
  await gateway?.stop();
});

const LIST_PAGE = `
  query ListPage($code: PortalColumnCode!, $first: Int, $after: String) {
    portalColumn(code: $code) {
      code name category
      articles(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id title publishedAt ... on PortalArticle { summary eventOn source coverImage { url caption width height } } } }
      }
    }
  }`;

interface ListPage {
  portalColumn: {
    code: string;
    name: string;
    articles: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: Array<{ node: { id: string; title: string; publishedAt: string; summary: string; eventOn: string | null; coverImage: { url: string } | null } }>;
    };
  };
}

const ITEM_PAGE = `
  query ItemPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on PortalArticle {
        title body publishedAt eventOn source indexNumber
        images { url caption width height }
        organization { name }
        column { code name }
        newer { title }
        older { title }
      }
    }
  }`;

describe('portal columns', () => {
  it('lists the three columns with their Chinese names and catalog counts', async () => {
    const result = await gateway.graphql<{ portalColumns: Array<{ code: string; name: string; articles: { totalCount: number } }> }>(
      `{ portalColumns { code name articles(first: 1) { totalCount } } }`,
    );
    expect(result.errors).toBeUndefined();
    // Whole 2015: 28 + 1 work news, 8 + 1 notices (December), 9 photo news.
    expect(result.data!.portalColumns).toEqual([
      { code: 'WORK_NEWS', name: '工作动态', articles: { totalCount: 29 } },
      { code: 'NOTICES', name: '通知通告', articles: { totalCount: 9 } },
      { code: 'PHOTO_NEWS', name: '图片新闻', articles: { totalCount: 9 } },
    ]);
  });

  it('a list page is one query, newest first, with summaries and cover images, paged by cursor', async () => {
    const first = await gateway.graphql<ListPage>(LIST_PAGE, { code: 'PHOTO_NEWS', first: 5 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.portalColumn;
    expect(page).toMatchObject({ code: 'PHOTO_NEWS', name: '图片新闻', articles: { totalCount: 9, pageInfo: { hasNextPage: true } } });
    expect(page.articles.edges[0]!.node).toMatchObject({
      title: '图片新闻：冬季征兵体检现场',
      summary: '内厝镇应征青年在区征兵体检站参加体检。',
      eventOn: '2015-11-08',
      coverImage: { url: expect.stringMatching(/\.jpg$/u) },
    });
    const times = page.articles.edges.map((e) => Date.parse(e.node.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const rest = await gateway.graphql<ListPage>(LIST_PAGE, { code: 'PHOTO_NEWS', first: 5, after: page.articles.pageInfo.endCursor });
    expect(rest.data!.portalColumn.articles.edges).toHaveLength(4);
    expect(rest.data!.portalColumn.articles.pageInfo.hasNextPage).toBe(false);
    const notices = await gateway.graphql<ListPage>(LIST_PAGE, { code: 'NOTICES', first: 20 });
    expect(notices.data!.portalColumn.articles.edges.every((e) => e.node.coverImage === null)).toBe(true);
  });

  it('an item page is one query: body, images, dates, column and neighbours', async () => {
    const list = await gateway.graphql<ListPage>(LIST_PAGE, { code: 'WORK_NEWS', first: 3 });
    const [newest, second, third] = list.data!.portalColumn.articles.edges.map((e) => e.node);
    const item = await gateway.graphql<{ node: Record<string, unknown> }>(ITEM_PAGE, { id: second!.id });
    expect(item.errors).toBeUndefined();
    expect(item.data!.node).toMatchObject({
      __typename: 'PortalArticle',
      title: second!.title,
      column: { code: 'WORK_NEWS', name: '工作动态' },
      organization: { name: '厦门市翔安区内厝镇人民政府' },
      source: '厦门市翔安区内厝镇人民政府',
      newer: { title: newest!.title },
      older: { title: third!.title },
    });
    const top = await gateway.graphql<{ node: { newer: unknown; body: string } }>(ITEM_PAGE, { id: newest!.id });
    expect(top.data!.node.newer).toBeNull();
    expect(top.data!.node.body).toContain('19073');
  });

  it('photo news items carry their images with captions and sizes', async () => {
    const search = await gateway.graphql<{ disclosures: { edges: Array<{ node: { id: string } }> } }>(`{ disclosures(first: 5, filter: { search: "苏迪罗”台风过后清障", kinds: [PortalArticle] }) { edges { node { id } } } }`);
    const id = search.data!.disclosures.edges[0]!.node.id;
    const item = await gateway.graphql<{ node: { images: Array<{ caption: string; width: number }>; eventOn: string; older: { title: string } } }>(ITEM_PAGE, { id });
    expect(item.data!.node.images).toHaveLength(2);
    expect(item.data!.node.images[0]).toMatchObject({ caption: '“苏迪罗”台风过后清障现场', width: 800 });
    expect(item.data!.node).toMatchObject({ eventOn: '2015-08-10', older: { title: '图片新闻：“安全生产月”宣传咨询日' } });
  });

  it('neighbours on a whole list page agree with its order and cost the same store commands for 5 or 20 items', async () => {
    const page = async (first: number) => {
      commands.length = 0;
      const result = await gateway.graphql<{ portalColumn: { articles: { edges: Array<{ node: { title: string; newer: { title: string } | null; older: { title: string } | null } }> } } }>(
        `query($first: Int) { portalColumn(code: WORK_NEWS) { articles(first: $first) { edges { node { title ... on PortalArticle { newer { title } older { title } } } } } } }`,
        { first },
      );
      expect(result.errors).toBeUndefined();
      return { nodes: result.data!.portalColumn.articles.edges.map((e) => e.node), count: commands.length };
    };
    await page(5); // warm-up
    const five = await page(5);
    const twenty = await page(20);
    const all = await page(29);
    expect(all.nodes).toHaveLength(29);
    all.nodes.forEach((node, i) => {
      expect(node.newer?.title ?? null).toBe(all.nodes[i - 1]?.title ?? null);
      expect(node.older?.title ?? null).toBe(all.nodes[i + 1]?.title ?? null);
    });
    expect(five.nodes[4]!.older!.title).toBe(all.nodes[5]!.title);
    // Three catalog reads per column for the neighbours, one $in for those beyond the page: the same for any page size.
    expect(twenty.count).toBe(five.count);
    expect(all.count).toBeLessThanOrEqual(five.count);
  });
});
