/** A pushed record as the review desk sees it: its latest version, review state, what is public, last review and withdrawal. */
import 'reflect-metadata';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionType } from './connection.factory.js';
import { SourceVersionScalar } from './push-version.scalar.js';
import { SubmissionState } from './review-state.enum.js';

@ObjectType({ description: 'A review decision (审核意见) on one version.' })
export class ReviewDecision {
  @Field(() => SubmissionState, { description: 'APPROVED or REJECTED.' })
  decision!: SubmissionState;

  @Field(() => String, { description: 'Principal id of the reviewer.' })
  by!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the decision was taken.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Comment of the reviewer (required for a rejection).' })
  comment!: string | null;

  @Field(() => SourceVersionScalar, { description: 'The version decided on.' })
  version!: number | string;
}

@ObjectType({ description: 'A withdrawal (撤回) by the department.' })
export class Withdrawal {
  @Field(() => String, { description: 'Principal id of who withdrew it.' })
  by!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was withdrawn.' })
  at!: Date;

  @Field(() => String, { description: 'Reason given (撤回原因).' })
  reason!: string;

  @Field(() => SourceVersionScalar, { description: 'The latest version when it was withdrawn.' })
  version!: number | string;
}

@ObjectType({ description: 'A pushed record (报送记录) and its review: the latest version pushed, its state, and which version (if any) the public sees. Visible to its department, reviewers and admins.' })
export class Submission {
  @Field(() => ID, { description: 'Global id of the submission; pass it to approveRecord or rejectRecord.' })
  id!: string;

  @Field(() => String, { description: 'Record kind, the name of the live record\'s type (e.g. ThreePublicExpenseStatement).' })
  kind!: string;

  @Field(() => String, { description: "The department's own id of the record." })
  sourceId!: string;

  @Field(() => ID, { description: 'Global id of the live record (null-free: the same for every version, resolvable with node(id:) while published).' })
  recordId!: string;

  @Field(() => SourceVersionScalar, { description: 'The latest version pushed.' })
  version!: number | string;

  @Field(() => SubmissionState, { description: 'Review state (审核状态) of the latest version.' })
  state!: SubmissionState;

  @Field(() => GraphQLJSONObject, { description: 'The latest version as stored (normalised; amounts as decimal strings in 元).' })
  content!: Record<string, unknown>;

  @Field(() => GraphQLDateTimeISO, { description: 'When the latest version was pushed.' })
  submittedAt!: Date;

  @Field(() => String, { description: 'Principal id that pushed the latest version.' })
  submittedBy!: string;

  @Field(() => String, { nullable: true, description: 'Source system that pushed it (e.g. 财务核算系统).' })
  sourceSystem!: string | null;

  @Field(() => SourceVersionScalar, { nullable: true, description: 'The version the public sees, or null when none is public.' })
  publishedVersion!: number | string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the public version was published.' })
  publishedAt!: Date | null;

  @Field(() => ReviewDecision, { nullable: true, description: 'The last review decision, on whichever version.' })
  review!: ReviewDecision | null;

  @Field(() => Withdrawal, { nullable: true, description: 'The last withdrawal.' })
  withdrawal!: Withdrawal | null;
}

@ObjectType({ description: 'A page of submissions (Relay connection).' })
export class SubmissionConnection extends connectionType('Submission', Submission, 'submission') {}

@InputType({ description: 'Which submissions to list; every condition given must hold. Departments see only their own organization\'s.' })
export class SubmissionFilter {
  @Field(() => [SubmissionState], { nullable: true, description: 'Only these review states, e.g. [PENDING_REVIEW] for the review queue.' })
  states?: SubmissionState[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these record kinds.' })
  kinds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only this organization\'s (its id, e.g. org-neicuo-czs).' })
  organizationId?: string | null;
}
