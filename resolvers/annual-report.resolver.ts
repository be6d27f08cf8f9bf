/** The annual report: public (it is published by law and holds counts only), and its publication by office staff. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AnnualReportRecord, ApplicationRow } from '../datasources/annual-report/annual-report-record.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { AnnualReport, type ApplicationReportRow } from '../schema/annual-report.type.js';
import { Organization } from '../schema/organization.type.js';
import { officeScope } from './application-access.js';
import { badUserInput } from './bad-user-input.js';
import { recordIdOf } from './global-id.js';

function flatRow(row: ApplicationRow): ApplicationReportRow {
  const c = row.counts;
  return {
    key: row.key,
    label: row.label,
    heading: row.heading,
    naturalPerson: c.NATURAL_PERSON,
    commercialEnterprise: c.COMMERCIAL_ENTERPRISE,
    researchInstitution: c.RESEARCH_INSTITUTION,
    publicInterestOrganization: c.PUBLIC_INTEREST_ORGANIZATION,
    legalServiceInstitution: c.LEGAL_SERVICE_INSTITUTION,
    otherOrganization: c.OTHER_ORGANIZATION,
    total: c.TOTAL,
  };
}

function view(report: AnnualReportRecord) {
  const base = `/annual-reports/${encodeURIComponent(report.organizationId)}/${report.year}`;
  const through = report.catalog.through === `${report.year}-12-31` ? '' : `?catalogThrough=${report.catalog.through}`;
  return { ...report, applicationRows: report.applicationRows?.map(flatRow) ?? null, htmlPath: `${base}.html${through}`, markdownPath: `${base}.md${through}` };
}

@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @Query(() => AnnualReport, { description: 'The annual report of an organization (and everything below it) for a year, computed from the graph; public.' })
  async annualReport(
    @Arg('organizationId', () => ID, { description: 'Global id of the organization.' }) organizationId: string,
    @Arg('year', () => Int, { description: 'The year (up to the current one).' }) year: number,
    @Arg('catalogThrough', () => GraphQLLocalDate, { nullable: true, description: 'Count catalog entries through this day of the year (default 31 December), e.g. 2015-11-30 for a report on January–November.' })
    catalogThrough: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const id = recordIdOf(organizationId, 'Organization', 'organizationId');
    return view(await context.stores.annualReports.build(id, year, context.now, catalogThrough ?? undefined));
  }

  @Mutation(() => AnnualReport, {
    description: 'Office staff: publishes the report of an ended year, freezing rows 二 and 四 for next year’s check. Refused with REPORT_INCONSISTENT while it has violations, REPORT_YEAR_NOT_ENDED for the current year, CONFLICT once published.',
  })
  async publishAnnualReport(
    @Arg('organizationId', () => ID, { description: 'Global id of the organization.' }) organizationId: string,
    @Arg('year', () => Int, { description: 'The year.' }) year: number,
    @Ctx() context: GatewayContext,
  ) {
    const id = recordIdOf(organizationId, 'Organization', 'organizationId');
    const scope = await officeScope(context, 'publish annual reports');
    if (scope !== null && !scope.includes(id)) throw badUserInput('organizationId', 'You do not handle the reports of this organization.');
    const published = await context.stores.annualReports.publish(id, year, context.principal.id, context.now);
    // Cached public answers of this report now lack its publication.
    context.stores.changes.publish({ store: 'office', recordIds: [], organizationIds: [id], kinds: [], searchTerms: [] });
    return view(published);
  }

  @FieldResolver(() => Organization, { description: 'The organization reported on.' })
  async organization(@Root() report: AnnualReportRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(report.organizationId);
  }
}
