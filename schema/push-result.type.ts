/** The result of a push: every record's outcome in batch order, and the totals. */
import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SourceVersionScalar } from './push-version.scalar.js';
import { SubmissionState } from './review-state.enum.js';

export enum PushOutcomeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

registerEnumType(PushOutcomeKind, {
  name: 'PushOutcomeKind',
  description: 'What a push did with one record.',
  valuesConfig: {
    CREATED: { description: 'A record the gateway did not know was stored (新增).' },
    UPDATED: { description: 'A newer version of a known record was stored (更新).' },
    UNCHANGED: { description: 'This version was already stored (a retry); nothing changed.' },
    REJECTED: { description: 'The record was refused; `error` says why. Nothing of it was written.' },
  },
});

export enum RecordProblemCode {
  INVALID_RECORD = 'INVALID_RECORD',
  FORBIDDEN = 'FORBIDDEN',
  STALE_VERSION = 'STALE_VERSION',
  DUPLICATE_RECORD = 'DUPLICATE_RECORD',
  CONFLICT = 'CONFLICT',
}

registerEnumType(RecordProblemCode, {
  name: 'RecordProblemCode',
  description: 'Why a pushed record was refused.',
  valuesConfig: {
    INVALID_RECORD: { description: 'A field is missing or wrong (negative amount, unknown category, a day that does not exist…); `path` names it.' },
    FORBIDDEN: { description: 'The record belongs to another organization or store than the credential may write.' },
    STALE_VERSION: { description: 'The version is older than the stored one; the stored record is untouched.' },
    DUPLICATE_RECORD: { description: 'The same record appears earlier in the batch.' },
    CONFLICT: { description: 'The record changed (another push or a review) while this push was written; push it again.' },
  },
});

@ObjectType({ description: 'Why one pushed record was refused.' })
export class RecordProblem {
  @Field(() => RecordProblemCode, { description: 'Stable code of the problem.' })
  code!: RecordProblemCode;

  @Field(() => String, { description: 'What is wrong, in words.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'Path of the field within the record, e.g. `items[2].amount`; null when the problem is not one field.' })
  path!: string | null;
}

@ObjectType({ description: 'The outcome of one record of a push.' })
export class PushOutcome {
  @Field(() => Int, { description: 'Position of the record in the pushed list, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The department\'s own id of the record, as sent (null when it was not a string).' })
  sourceId!: string | null;

  @Field(() => SourceVersionScalar, { nullable: true, description: 'The version sent (null when it was not a version).' })
  version!: number | string | null;

  @Field(() => PushOutcomeKind, { description: 'Created, updated, unchanged or rejected.' })
  outcome!: PushOutcomeKind;

  @Field(() => ID, { nullable: true, description: 'Global id of the live record (the same for every version; `node(id:)` finds it once it is published).' })
  recordId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the submission, for `approveRecord`/`rejectRecord`.' })
  submissionId!: string | null;

  @Field(() => SubmissionState, { nullable: true, description: 'Review state (审核状态) of the record after the push.' })
  state!: SubmissionState | null;

  @Field(() => RecordProblem, { nullable: true, description: 'Why the record was refused (the first problem); null unless REJECTED.' })
  error!: RecordProblem | null;

  @Field(() => [RecordProblem], { description: 'Every problem found in a refused record (all invalid fields at once); empty unless REJECTED.' })
  errors!: RecordProblem[];
}

@ObjectType({ description: 'How many records of a push had each outcome.' })
export class PushTotals {
  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, { description: 'Records updated to a newer version.' })
  updated!: number;

  @Field(() => Int, { description: 'Records already stored at this version.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Records refused.' })
  rejected!: number;
}

@ObjectType({ description: 'The result of a push: totals, and one outcome per record in the order sent.' })
export class PushResult {
  @Field(() => PushTotals, { description: 'Records per outcome.' })
  totals!: PushTotals;

  @Field(() => [PushOutcome], { description: 'One outcome per pushed record, in the order sent.' })
  outcomes!: PushOutcome[];
}
