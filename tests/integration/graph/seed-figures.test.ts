/**
 * The graph answers the town's own 2015 report: the catalog summary of
 * 内厝镇 for January–November 2015 gives exactly the report's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../datasources/demo/index.js';
import { toGlobalId } from '../../../resolvers/global-id.js';
import { CatalogPageDocument, CatalogSummaryDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const town = toGlobalId('Organization', 'org-neicuo');
const januaryToNovember = { from: '2015-01-01T00:00:00+08:00', to: '2015-12-01T00:00:00+08:00' };

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('the seed report figures, January–November 2015', () => {
  it('the catalog summary of 内厝镇 and its departments matches the report category by category', async () => {
    const result = await gateway.graphql(CatalogSummaryDocument, { organizationId: town, ...januaryToNovember });
    expect(result.errors).toBeUndefined();
    const counts = Object.fromEntries(result.data!.catalogSummary.categories.map((c) => [c!.name, c!.count]));
    expect(counts).toMatchObject({
      机构职能人事任免: 18,
      政策及规范性文件: 5,
      社会公益事业建设: 5,
      统筹城乡事业发展: 4,
      科教文卫事业建设: 5,
      安全生产应急管理: 5,
      行政审批目录清单: 1,
      公共服务事项目录清单: 1,
      工作动态: 28,
      通知通告: 8,
      图片新闻: 9,
    });
  });

  it('18 机构职能人事任免 items, all appointments or dismissals, through the catalog itself', async () => {
    const result = await gateway.graphql(CatalogPageDocument, {
      first: 50,
      filter: { categories: ['机构职能人事任免'], publishedFrom: januaryToNovember.from, publishedTo: januaryToNovember.to },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.disclosures.totalCount).toBe(18);
    expect(new Set(result.data!.disclosures.edges.map((e) => e.node.__typename))).toEqual(new Set(['Appointment']));
  });

  it('December records fall outside the period and inside the whole year', async () => {
    const year = await gateway.graphql(CatalogSummaryDocument, { organizationId: town, from: '2015-01-01T00:00:00+08:00', to: '2016-01-01T00:00:00+08:00' });
    const counts = Object.fromEntries(year.data!.catalogSummary.categories.map((c) => [c!.category, c!.count]));
    expect(counts.ORGANIZATION_PERSONNEL).toBe(19);
    expect(counts.WORK_NEWS).toBe(29);
  });

  it('without sub-organizations only the town government\'s own records count', async () => {
    const own = await gateway.graphql(CatalogSummaryDocument, { organizationId: town, ...januaryToNovember, includeSubOrganizations: false });
    const counts = Object.fromEntries(own.data!.catalogSummary.categories.map((c) => [c!.category, c!.count]));
    expect(counts.ORGANIZATION_PERSONNEL).toBe(18);
    expect(counts.WORK_NEWS).toBe(28);
    expect(counts.PHOTO_NEWS).toBeUndefined();
  });

  it('loading again without reset leaves the data alone; with reset reloads the same data', async () => {
    const summary = async () => (await gateway.graphql(CatalogSummaryDocument, { organizationId: town })).data!.catalogSummary;
    const before = await summary();
    expect(await loadDemoData(gateway.stores, { reset: false })).toEqual({ counts: {} });
    expect(await summary()).toEqual(before);
    const reloaded = await loadDemoData(gateway.stores, { reset: true });
    expect(reloaded.counts['personnel.appointments']).toBe(19);
    expect(reloaded.counts['office.organizations']).toBe(19);
    expect(await summary()).toEqual(before);
  });
});
