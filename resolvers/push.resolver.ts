/** Push mutations, one per record kind, and withdrawal (撤回): department systems write their own organization's records. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { DisclosureKind } from '../datasources/catalog/catalog-entry.js';
import type { PushRecordInput } from '../datasources/push/push-pipeline.js';
import { MAX_PUSH_BATCH } from '../datasources/push/push-pipeline.js';
import type { GatewayContext } from '../src/context.js';
import {
  AppointmentPushInput,
  FundAllocationPushInput,
  ProcurementPushInput,
  ThreePublicExpenseStatementPushInput,
} from '../schema/push-inputs.js';
import { PushOutcome, PushResult } from '../schema/push-result.type.js';
import { Disclosure } from '../schema/disclosure.interface.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import { Submission } from '../schema/review-submission.type.js';
import { requireRole } from './authorize.js';
import { badUserInput } from './bad-user-input.js';
import { clearRequestLoaders } from './push-consistency.js';
import { pushResultOf, submissionValue, type PushOutcomeValue, type SubmissionValue } from './push-values.js';
import { deskOf } from './review-loaders.js';

const PUSH_RULES = `At most ${MAX_PUSH_BATCH} records per call (more: the whole call is refused with BATCH_TOO_LARGE and nothing is written). Each record is created, updated (newer version), unchanged (same version: retries are safe) or rejected on its own (INVALID_RECORD with the field path, FORBIDDEN for another organization, STALE_VERSION for an older version); the rest of the batch goes on. New versions wait for review (PENDING_REVIEW) unless the department publishes directly. Department credentials (or admin).`;

/** Pushes `records` of `kind` for the caller; the request's cached reads are dropped afterwards. */
export async function pushFor(context: GatewayContext, kind: string, records: readonly object[]): Promise<PushResult> {
  requireRole(context.principal, ['department'], 'push records');
  const inputs: PushRecordInput[] = records.map((record) => {
    const { sourceId, version, ...fields } = record as Record<string, unknown>;
    return { sourceId, version, fields };
  });
  const report = await deskOf(context).push({ principal: context.principal, now: context.now }, kind, inputs);
  clearRequestLoaders(context);
  return pushResultOf(report);
}

@Resolver()
export class PushResolver {
  @Mutation(() => PushResult, { description: `Pushes 三公 statements (三公经费), each with its items. ${PUSH_RULES}` })
  pushThreePublicExpenseStatements(
    @Arg('records', () => [ThreePublicExpenseStatementPushInput], { description: 'The statements.' }) records: ThreePublicExpenseStatementPushInput[],
    @Ctx() context: GatewayContext,
  ): Promise<PushResult> {
    return pushFor(context, 'ThreePublicExpenseStatement', records);
  }

  @Mutation(() => PushResult, { description: `Pushes fund allocations (下拨资金). ${PUSH_RULES}` })
  pushFundAllocations(
    @Arg('records', () => [FundAllocationPushInput], { description: 'The allocations.' }) records: FundAllocationPushInput[],
    @Ctx() context: GatewayContext,
  ): Promise<PushResult> {
    return pushFor(context, 'FundAllocation', records);
  }

  @Mutation(() => PushResult, { description: `Pushes government procurements (政府采购) as OCDS releases; their suppliers are created or updated when published. ${PUSH_RULES}` })
  pushProcurements(@Arg('records', () => [ProcurementPushInput], { description: 'The releases.' }) records: ProcurementPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'Procurement', records);
  }

  @Mutation(() => PushResult, { description: `Pushes appointments and dismissals (人事任免); their people and posts are created or updated when published. ${PUSH_RULES}` })
  pushAppointments(@Arg('records', () => [AppointmentPushInput], { description: 'The appointments.' }) records: AppointmentPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'Appointment', records);
  }

  @Mutation(() => Submission, {
    description:
      'Withdraws (撤回) a record: it leaves every public read (catalog, search, counts, node) at once and stays in the ledger with the reason. A later push of a newer version submits it again. Departments withdraw their own records (admins any). Repeating a withdrawal returns the withdrawn submission unchanged.',
  })
  async withdrawRecord(
    @Arg('kind', () => String, { description: 'Record kind, e.g. ThreePublicExpenseStatement, FundAllocation, Procurement, Appointment.' }) kind: string,
    @Arg('sourceId', () => String, { description: "The department's own id of the record." }) sourceId: string,
    @Arg('reason', () => String, { description: 'Why it is withdrawn (撤回原因); required.' }) reason: string,
    @Arg('organizationId', () => String, { nullable: true, description: "The record's organization; defaults to the caller's (admins must name it)." }) organizationId: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<SubmissionValue> {
    requireRole(context.principal, ['department'], 'withdraw records');
    const organization = organizationId ?? context.principal.organizationId;
    if (!organization) throw badUserInput('organizationId', 'Name the organization whose record is withdrawn.');
    const doc = await deskOf(context).withdraw({ principal: context.principal, now: context.now }, kind, organization, sourceId, reason);
    clearRequestLoaders(context);
    return submissionValue(doc);
  }
}

@Resolver(() => PushOutcome)
export class PushOutcomeResolver {
  @FieldResolver(() => Disclosure, { nullable: true, description: 'The live record as the public sees it now (after this push), or null while it is not published.' })
  record(@Root() outcome: PushOutcomeValue, @Ctx() context: GatewayContext): Promise<Disclosed | null> | null {
    return outcome.live ? disclosedById(outcome.live.kind as DisclosureKind, outcome.live.id, context.loaders) : null;
  }
}
