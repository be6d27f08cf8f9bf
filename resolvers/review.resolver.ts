/**
 * Review (保密审查): the queue of submissions, approval and rejection, and
 * the review state of published records (`publication`). Reviewers and
 * admins see everything; a department sees its own organization's; the
 * public and analysts are refused (UNAUTHENTICATED / FORBIDDEN).
 */
import { Arg, Args, Ctx, FieldResolver, Info, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DisclosureKind } from '../datasources/catalog/catalog-entry.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import { Disclosure } from '../schema/disclosure.interface.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import type { GatewayContext } from '../src/context.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { SourceVersionScalar } from '../schema/push-version.scalar.js';
import { Submission, SubmissionConnection, SubmissionFilter } from '../schema/review-submission.type.js';
import { requireRole } from './authorize.js';
import { badUserInput } from './bad-user-input.js';
import { recordIdOf } from './global-id.js';
import { lazy, type ConnectionValue } from './list-connection.js';
import { pageSize } from './page-size.js';
import { clearRequestLoaders } from './push-consistency.js';
import { decodeTimeCursor, encodeTimeCursor } from './push-cursor.js';
import { submissionValue, type SubmissionValue } from './push-values.js';
import { deskOf } from './review-loaders.js';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';

/** The organizations a caller may read the review data of: all (undefined) or its own. */
export function readableOrganizations(context: GatewayContext, asked: string | null | undefined, argumentName: string): string[] | undefined {
  const { principal } = context;
  if (principal.role === 'department') {
    if (asked && asked !== principal.organizationId) {
      throw new GraphQLError(`A department credential reads only its own organization's (${principal.organizationId}) records, not ${asked}.`, { extensions: { code: 'FORBIDDEN', argumentName } });
    }
    return [principal.organizationId ?? ''];
  }
  return asked ? [asked] : undefined;
}

@Resolver(() => Submission)
export class ReviewResolver {
  @Query(() => SubmissionConnection, {
    description: 'Pushed records and their review state, latest pushed first: the review queue with `states: [PENDING_REVIEW]`. Reviewers and admins see all; departments their own organization\'s.',
  })
  async submissions(
    @Arg('filter', () => SubmissionFilter, { nullable: true, description: 'Which submissions.' }) filter: SubmissionFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<SubmissionValue>> {
    requireRole(context.principal, ['department', 'reviewer'], 'read submissions');
    if (page.last != null || page.before != null) throw badUserInput('last', 'Submissions page forward only: use `first` and `after`.');
    const { first } = pageSize(page);
    const where = {
      ...(filter?.states ? { states: filter.states } : {}),
      ...(filter?.kinds ? { kinds: filter.kinds } : {}),
      organizationIds: readableOrganizations(context, filter?.organizationId, 'filter.organizationId'),
    };
    const desk = deskOf(context);
    const result = await desk.submissions.page(where, first!, page.after ? decodeTimeCursor(page.after, 'after') : undefined);
    // The stores that answered give their part; each one that did not is reported at this field.
    for (const error of result.unavailable) context.partial.report(error, info.path);
    const edges = result.items.map((doc) => ({ cursor: encodeTimeCursor({ at: doc.submittedAt, id: doc._id }), node: submissionValue(doc) }));
    return {
      edges,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: lazy(() => desk.submissions.count(where)),
    };
  }

  @Mutation(() => Submission, {
    description:
      'Approves (审核通过) the pending version of a submission: it becomes public, replacing a previously approved version. `version`, when given, must be the pending one: a version a newer push replaced is refused with STALE_VERSION; a submission not pending review is refused with CONFLICT. Reviewers (and admins).',
  })
  async approveRecord(
    @Arg('id', () => ID, { description: 'Global id of the submission.' }) id: string,
    @Arg('version', () => SourceVersionScalar, { nullable: true, description: 'The version reviewed; guards against approving a version that was replaced meanwhile.' }) version: number | string | null,
    @Arg('comment', () => String, { nullable: true, description: 'Comment (审核意见).' }) comment: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<SubmissionValue> {
    return this.decide(context, id, 'APPROVED', version, comment);
  }

  @Mutation(() => Submission, {
    description:
      'Rejects (审核不通过) the pending version of a submission with a comment (required). A previously approved version stays public. Same version rules as approveRecord. Reviewers (and admins).',
  })
  async rejectRecord(
    @Arg('id', () => ID, { description: 'Global id of the submission.' }) id: string,
    @Arg('comment', () => String, { description: 'Why it is rejected (审核意见); required.' }) comment: string,
    @Arg('version', () => SourceVersionScalar, { nullable: true, description: 'The version reviewed.' }) version: number | string | null,
    @Ctx() context: GatewayContext,
  ): Promise<SubmissionValue> {
    return this.decide(context, id, 'REJECTED', version, comment);
  }

  @FieldResolver(() => Disclosure, { nullable: true, description: 'The live record as the public sees it now (its published version), or null while none is published.' })
  record(@Root() submission: SubmissionValue, @Ctx() context: GatewayContext): Promise<Disclosed | null> {
    return disclosedById(submission.kind as DisclosureKind, submission.source.recordId, context.loaders);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the record belongs to.' })
  organization(@Root() submission: SubmissionValue, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(submission.organizationId);
  }

  private async decide(context: GatewayContext, id: string, decision: 'APPROVED' | 'REJECTED', version: number | string | null, comment: string | null): Promise<SubmissionValue> {
    requireRole(context.principal, ['reviewer'], decision === 'APPROVED' ? 'approve records' : 'reject records');
    const submissionId = recordIdOf(id, 'Submission', 'id');
    const doc = await deskOf(context).review({ principal: context.principal, now: context.now }, submissionId, decision, { version: version ?? undefined, comment });
    clearRequestLoaders(context);
    return submissionValue(doc);
  }
}
