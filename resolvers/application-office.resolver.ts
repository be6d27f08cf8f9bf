/**
 * Applications for disclosure, the office's side: lists, deadlines and every
 * step, for office staff (see `application-access.ts`). Steps take an
 * optional `on` date (default today in China) for recording what happened
 * on paper.
 */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OPEN_STATES, type ApplicationState as StoredState, type OfficeApplicationRecord, type Outcome, type OutcomeReason, type ReviewKind as StoredReviewKind, type ReviewResult as StoredReviewResult } from '../datasources/applications/application-records.js';
import type { StepRequest } from '../datasources/applications/application-workflow.js';
import { clockOf } from '../datasources/applications/application-workflow.js';
import { CalendarYearMissingError } from '../datasources/calendar/calendar-errors.js';
import { officialCalendar } from '../datasources/calendar/official-calendar.js';
import type { GatewayContext } from '../src/context.js';
import { InformationApplicationConnection } from '../schema/application-connection.type.js';
import { ApplicationState, ConsultationParty, ReviewKind, ReviewResult } from '../schema/application.enums.js';
import { AnswerApplicationInput } from '../schema/application.inputs.js';
import { InformationApplication } from '../schema/application.type.js';
import { PageArgs } from '../schema/page.args.js';
import { officeScope, todayOf } from './application-access.js';
import { disclosedRecords } from './application-fields.resolver.js';
import { badUserInput } from './bad-user-input.js';
import { recordIdOf } from './global-id.js';
import { listConnection } from './list-connection.js';
import { announced } from './application-changes.js';
import { PRIVATE_ANSWER } from '../src/http/private-answers.js';

const ON = { nullable: true, description: 'Day the step took effect (default: today, China time); not before the previous step, not after today.' } as const;
const TRACKING = { description: 'Tracking number of the application.' } as const;

function scopeFilter(scope: readonly string[] | null, organizationId: string | undefined): readonly string[] | null {
  if (organizationId === undefined) return scope;
  const id = recordIdOf(organizationId, 'Organization', 'organizationId');
  if (scope !== null && !scope.includes(id)) throw badUserInput('organizationId', 'You do not handle the applications of this organization.');
  return [id];
}

@Resolver()
export class ApplicationOfficeResolver {
  @Extensions(PRIVATE_ANSWER)
  @Query(() => InformationApplication, { nullable: true, description: 'An application with its applicant, for office staff; null when there is none among the organizations you handle.' })
  async officeApplication(@Arg('trackingNumber', () => String, TRACKING) trackingNumber: string, @Ctx() context: GatewayContext) {
    const scope = await officeScope(context, 'read applications');
    const found = await context.stores.applications.forOffice(trackingNumber);
    return found && (scope === null || scope.includes(found.organizationId)) ? found : null;
  }

  @Extensions(PRIVATE_ANSWER)
  @Query(() => InformationApplicationConnection, { description: 'Applications the caller handles (office staff), newest receipt first.' })
  async applications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only applications addressed to this organization.' }) organizationId: string | undefined,
    @Arg('states', () => [ApplicationState], { nullable: true, description: 'Only applications in these states.' }) states: ApplicationState[] | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const scope = scopeFilter(await officeScope(context, 'list applications'), organizationId ?? undefined);
    const found = await context.stores.applications.list({ organizationIds: scope, ...(states ? { states: states as unknown as StoredState[] } : {}) });
    // Newest first: the key sorts by receipt date descending, then id.
    return listConnection(found, (a) => `${99999999 - Number(a.receivedOn.replaceAll('-', ''))}\u0000${a.id}`, page);
  }

  @Extensions(PRIVATE_ANSWER)
  @Query(() => [InformationApplication], { description: 'Open applications past their due date (office staff), oldest due date first.' })
  async overdueApplications(
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only applications addressed to this organization.' }) organizationId: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const clocks = await this.openWithClocks(context, organizationId ?? undefined);
    return clocks.filter(({ clock }) => clock.overdue).map(({ application }) => application);
  }

  @Extensions(PRIVATE_ANSWER)
  @Query(() => [InformationApplication], {
    description: 'Open applications whose clock runs and that are due within this many working days (0: due today), not yet overdue (office staff), soonest first.',
  })
  async applicationsDueWithin(
    @Arg('workingDays', () => Int, { description: 'Working days from today (0–40).' }) workingDays: number,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only applications addressed to this organization.' }) organizationId: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > 40) throw badUserInput('workingDays', 'workingDays must be from 0 to 40.');
    // The window itself must lie in years the calendar holds (CALENDAR_YEAR_MISSING otherwise).
    officialCalendar().addWorkingDays(todayOf(context), workingDays);
    const clocks = await this.openWithClocks(context, organizationId ?? undefined);
    return clocks
      .filter(({ clock }) => clock.state === 'RUNNING' && !clock.overdue && clock.workingDaysLeft !== null && clock.workingDaysLeft <= workingDays)
      .map(({ application }) => application);
  }

  @Mutation(() => InformationApplication, { description: 'Office: asks the applicant to correct the application (告知补正); the clock stops and starts again in full when the correction arrives.' })
  requestApplicationCorrection(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('reason', () => String, { description: 'What must be corrected.' }) reason: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'REQUEST_CORRECTION', on: on ?? todayOf(context), reason });
  }

  @Mutation(() => InformationApplication, { description: 'Office: the corrected application was received; the answer period starts again from this day.' })
  receiveApplicationCorrection(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Arg('reason', () => String, { nullable: true, description: 'Note (optional).' }) reason: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'RECEIVE_CORRECTION', on: on ?? todayOf(context), reason: reason ?? null });
  }

  @Mutation(() => InformationApplication, { description: 'Office: starts consulting a third party or another agency; the clock pauses until endApplicationConsultation.' })
  startApplicationConsultation(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('party', () => ConsultationParty, { description: 'Whom.' }) party: ConsultationParty,
    @Arg('reason', () => String, { description: 'Why, and whom exactly.' }) reason: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const action = party === ConsultationParty.THIRD_PARTY ? 'CONSULT_THIRD_PARTY' : 'CONSULT_OTHER_AGENCY';
    return this.step(context, trackingNumber, { action, on: on ?? todayOf(context), reason });
  }

  @Mutation(() => InformationApplication, { description: 'Office: the consultation ended (opinion received, or time given ran out); the clock runs again.' })
  endApplicationConsultation(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Arg('reason', () => String, { nullable: true, description: 'Note (optional).' }) reason: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'END_CONSULTATION', on: on ?? todayOf(context), reason: reason ?? null });
  }

  @Mutation(() => InformationApplication, {
    description: 'Office: extends the answer period once, by 1–20 working days, within the period. A second extension fails with EXTENSION_ALREADY_GRANTED, more than 20 with EXTENSION_TOO_LONG, after the due date with EXTENSION_AFTER_DUE_DATE.',
  })
  extendApplication(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('workingDays', () => Int, { description: 'Working days to add (1–20).' }) workingDays: number,
    @Arg('reason', () => String, { description: 'Why (the regulation requires the head of the disclosure office to agree and the applicant to be told).' }) reason: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'EXTEND', on: on ?? todayOf(context), reason, workingDays });
  }

  @Mutation(() => InformationApplication, { description: 'Office: answers the application with an outcome of table 三, the reply document and the records disclosed.' })
  async answerApplication(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('answer', () => AnswerApplicationInput, { description: 'The answer.' }) answer: AnswerApplicationInput,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    const ids = [...new Set(answer.disclosedRecordIds ?? [])];
    const found = await disclosedRecords(ids, context);
    if (found.length !== ids.length) throw badUserInput('answer.disclosedRecordIds', 'Every disclosed record must be a published record of the catalog (a global id of a Disclosure).');
    return this.step(context, trackingNumber, {
      action: 'ANSWER',
      on: on ?? todayOf(context),
      reason: null,
      answer: {
        outcome: answer.outcome as unknown as Outcome,
        reason: (answer.reason ?? null) as OutcomeReason | null,
        replyDocument: { title: answer.replyDocument.title, documentNumber: answer.replyDocument.documentNumber ?? null, text: answer.replyDocument.text ?? null },
        disclosedRecordIds: ids,
      },
    });
  }

  @Mutation(() => InformationApplication, { description: 'Office: records a withdrawal the applicant made on paper or in person.' })
  recordApplicationWithdrawal(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('reason', () => String, { description: 'How the applicant withdrew, and why if said.' }) reason: string,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'WITHDRAW', on: on ?? todayOf(context), reason });
  }

  @Mutation(() => InformationApplication, { description: 'Office: records an administrative review or lawsuit filed about the answer (table 四).' })
  recordApplicationReview(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('kind', () => ReviewKind, { description: 'Review, or lawsuit with or without review.' }) kind: ReviewKind,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Arg('reason', () => String, { nullable: true, description: 'Note (case number, body).' }) reason: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'FILE_REVIEW', on: on ?? todayOf(context), reason: reason ?? null, kind: kind as unknown as StoredReviewKind });
  }

  @Mutation(() => InformationApplication, { description: 'Office: records the result of a review or lawsuit.' })
  decideApplicationReview(
    @Arg('trackingNumber', () => String, TRACKING) trackingNumber: string,
    @Arg('reviewIndex', () => Int, { description: 'Index of the review in `reviews` (from 0).' }) reviewIndex: number,
    @Arg('result', () => ReviewResult, { description: 'The result.' }) result: ReviewResult,
    @Arg('on', () => GraphQLLocalDate, ON) on: string | undefined,
    @Arg('reason', () => String, { nullable: true, description: 'Note (decision number).' }) reason: string | undefined,
    @Ctx() context: GatewayContext,
  ) {
    return this.step(context, trackingNumber, { action: 'DECIDE_REVIEW', on: on ?? todayOf(context), reason: reason ?? null, reviewIndex, result: result as unknown as StoredReviewResult });
  }

  private async step(context: GatewayContext, trackingNumber: string, request: StepRequest): Promise<OfficeApplicationRecord> {
    const scope = await officeScope(context, 'act on applications');
    return announced(context, await context.stores.applications.step(trackingNumber, request, { by: context.principal.id, now: context.now }, scope));
  }

  private async openWithClocks(context: GatewayContext, organizationId: string | undefined) {
    const scope = scopeFilter(await officeScope(context, 'list applications'), organizationId);
    const open = await context.stores.applications.list({ organizationIds: scope, states: OPEN_STATES });
    const today = todayOf(context);
    const calendar = officialCalendar();
    const withClocks = open.flatMap((application) => {
      try {
        return [{ application, clock: clockOf(calendar, application, today) }];
      } catch (error) {
        // A due date in a later year the calendar lacks is after today: neither overdue nor within a window the calendar covers
        // (a window reaching into that year fails on its own, in applicationsDueWithin).
        if (error instanceof CalendarYearMissingError && error.year > Number(today.slice(0, 4))) return [];
        throw error;
      }
    });
    const order = (c: { clock: { dueDate: string | null } }) => c.clock.dueDate ?? '9999-12-31';
    return withClocks.sort((a, b) => order(a).localeCompare(order(b)) || a.application.trackingNumber.localeCompare(b.application.trackingNumber));
  }
}
