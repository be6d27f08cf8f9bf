/** Fields of an application computed per request: its organization, its clock as of today, the applicant (office only), disclosed records. */
import { GraphQLError } from 'graphql';
import { Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApplicationAnswer as AnswerRecord, ApplicationRecord, OfficeApplicationRecord } from '../datasources/applications/application-records.js';
import { clockOf } from '../datasources/applications/application-workflow.js';
import { officialCalendar } from '../datasources/calendar/official-calendar.js';
import { DISCLOSURE_KINDS, type DisclosureKind } from '../datasources/catalog/catalog-entry.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { GatewayContext } from '../src/context.js';
import { ApplicantDetails, ApplicationAnswer, ApplicationClock, InformationApplication } from '../schema/application.type.js';
import { Disclosure } from '../schema/disclosure.interface.js';
import { Organization } from '../schema/organization.type.js';
import { officeScope, todayOf } from './application-access.js';
import { disclosedById } from './disclosed-records.js';
import { fromGlobalId } from './global-id.js';
import { PRIVATE_ANSWER } from '../src/http/private-answers.js';

/** The published records behind global ids; ids that are not records of the catalog, or no longer published, are left out. */
export async function disclosedRecords(ids: readonly string[], context: GatewayContext): Promise<object[]> {
  const found = await Promise.all(
    ids.map(async (globalId) => {
      const { type, id } = fromGlobalId(globalId, 'answer.disclosedRecordIds');
      if (!(DISCLOSURE_KINDS as readonly string[]).includes(type)) return null;
      return disclosedById(type as DisclosureKind, id, context.loaders);
    }),
  );
  return found.filter((record): record is NonNullable<typeof record> => record !== null);
}

@Resolver(() => InformationApplication)
export class InformationApplicationResolver {
  @FieldResolver(() => Organization, { description: 'The organization the application is addressed to.' })
  async organization(@Root() application: ApplicationRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord> {
    const organization = await context.loaders.organization.load(application.organizationId);
    // Filing checks the organization exists and organizations are not deleted; a missing one is a broken store.
    if (!organization) throw new Error(`Application ${application.id} names organization ${application.organizationId}, which the office store does not hold`);
    return organization;
  }

  @FieldResolver(() => ApplicationClock, { nullable: true, description: 'The answer clock as of today (China time); null, with a CALENDAR_YEAR_MISSING error naming the year, when the holiday calendar lacks a year the clock must count through.' })
  clock(@Root() application: ApplicationRecord, @Ctx() context: GatewayContext) {
    return clockOf(officialCalendar(), application, todayOf(context));
  }

  @Extensions(PRIVATE_ANSWER)
  @FieldResolver(() => ApplicantDetails, { description: 'Who applied. Office staff only: anyone else gets UNAUTHENTICATED or FORBIDDEN on this field.' })
  async applicant(@Root() application: ApplicationRecord | OfficeApplicationRecord, @Ctx() context: GatewayContext) {
    const scope = await officeScope(context, 'see who applied');
    // Only office reads carry the applicant; a record read for its applicant never does.
    if (!('applicant' in application) || (scope !== null && !scope.includes(application.organizationId))) {
      throw new GraphQLError('The applicant is shown only through the office queries (officeApplication, applications, …) for applications you handle', {
        extensions: { code: 'FORBIDDEN', role: context.principal.role },
      });
    }
    return application.applicant;
  }
}

@Resolver(() => ApplicationAnswer)
export class ApplicationAnswerResolver {
  @FieldResolver(() => [Disclosure], { description: 'Published records of the graph disclosed with the answer (records no longer published are left out).' })
  disclosedRecords(@Root() answer: AnswerRecord, @Ctx() context: GatewayContext): Promise<object[]> {
    return disclosedRecords(answer.disclosedRecordIds, context);
  }
}
