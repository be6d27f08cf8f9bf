/**
 * With a store down, each organization's batched first page behaves as the
 * top-level catalog does: the other stores' records, one SOURCE_UNAVAILABLE
 * error per missing store at the page and at its total, and a null total.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogPageDocument, OrganizationsWithDisclosurePagesDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway | undefined;

afterAll(async () => {
  await gateway?.stop();
});

describe('Organization.disclosures under a list of organizations, with the finance store down', () => {
  it('holds the other stores\' records and reports finance at each page and total', async () => {
    gateway = await startTestGateway({ seed: true, separateStores: true, timeoutMS: 1000 });
    await gateway.servers.finance!.stop();

    const nested = await gateway.graphql(OrganizationsWithDisclosurePagesDocument, { pageSize: 10 });
    expect(nested.status).toBe(200);
    const organizations = nested.data!.organizations.edges.map((e) => e.node);
    const expectedErrors = organizations.flatMap((_, i) => [
      [`organizations.edges.${i}.node.disclosures`, 'finance'],
      [`organizations.edges.${i}.node.disclosures.totalCount`, 'finance'],
    ]);
    const errors = (nested.errors ?? []).map((e) => {
      expect(e.extensions?.code).toBe('SOURCE_UNAVAILABLE');
      return [(e.path ?? []).join('.'), e.extensions?.source];
    });
    expect(errors.sort()).toEqual(expectedErrors.sort());

    for (const organization of organizations) {
      const alone = await gateway.graphql(CatalogPageDocument, { first: 10, filter: { organizationId: organization.id, includeSubOrganizations: true } });
      expect(alone.errors?.map((e) => [(e.path ?? []).join('.'), e.extensions?.source]).sort()).toEqual([
        ['disclosures', 'finance'],
        ['disclosures.totalCount', 'finance'],
      ]);
      const expected = alone.data!.disclosures;
      expect(organization.disclosures.totalCount).toBeNull();
      expect(organization.disclosures.pageInfo).toEqual(expected.pageInfo);
      expect(organization.disclosures.edges.map((e) => [e.cursor, e.node.__typename, e.node.id])).toEqual(
        expected.edges.map((e) => [e.cursor, e.node.__typename, e.node.id]),
      );
      for (const edge of organization.disclosures.edges) expect(['ThreePublicExpenseStatement', 'FundAllocation']).not.toContain(edge.node.__typename);
    }
  });
});
