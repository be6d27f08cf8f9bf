/** What a department system pushes for a land notice (LandRequisitionNotice). */
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar.js';
import { PUSH_FIELD } from './policy-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

@InputType({ description: 'An approval a pushed land notice rests on (批准文件).' })
export class LandApprovalPushInput {
  @Field(() => String, { nullable: true, description: 'Document number (文号).' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Approving authority (批准机关).' })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: `Day of approval, ${PUSH_FIELD.day}.` })
  issuedOn?: string | null;
}

@InputType({ description: 'A compensation standard of a pushed land notice (补偿标准).' })
export class CompensationStandardPushInput {
  @Field(() => String, { nullable: true, description: 'Compensation item, e.g. 土地补偿费.' })
  item?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rate in 元 per `unit`, not negative, at most 2 decimals.' })
  rate?: string | null;

  @Field(() => String, { nullable: true, description: 'The unit the rate is per, e.g. 亩.' })
  unit?: string | null;
}

@InputType({ description: 'A compensation of a pushed land notice (补偿记录).' })
export class LandCompensationPushInput {
  @Field(() => String, { nullable: true, description: 'Id of the village compensated; one of affectedVillageIds.' })
  villageId?: string | null;

  @Field(() => String, { nullable: true, description: 'Compensation item.' })
  item?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in 元, not negative, at most 2 decimals.' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: `Day paid, ${PUSH_FIELD.day}, when paid.` })
  paidOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Record id of the fund allocation (finance store) that paid it, when known.' })
  allocationId?: string | null;
}

@InputType({ description: 'A land requisition notice or compensation plan (征地公告, 土地房屋征收补偿公示) pushed by a department system.' })
export class LandRequisitionNoticePushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: PUSH_FIELD.organizationId })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (标题).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'REQUISITION (征地公告) or EXPROPRIATION_COMPENSATION (征收补偿方案).' })
  noticeType?: string | null;

  @Field(() => String, { nullable: true, description: 'Location and boundaries (位置、四至).' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Area in 亩 (mu) as a decimal string, e.g. "48.5".' })
  areaMu?: string | null;

  @Field(() => String, { nullable: true, description: 'Purpose (用途).' })
  purpose?: string | null;

  @Field(() => [String], { nullable: true, description: 'Ids of the affected villages (at least one).' })
  affectedVillageIds?: string[] | null;

  @Field(() => String, { nullable: true, description: `Day of the notice, ${PUSH_FIELD.day}.` })
  announcedOn?: string | null;

  @Field(() => String, { nullable: true, description: `Last day objections are taken, ${PUSH_FIELD.day}, not before announcedOn.` })
  objectionsUntil?: string | null;

  @Field(() => [LandApprovalPushInput], { nullable: true, description: 'Approvals (批准文件).' })
  approvalDocuments?: LandApprovalPushInput[] | null;

  @Field(() => [CompensationStandardPushInput], { nullable: true, description: 'Compensation standards (补偿标准).' })
  standards?: CompensationStandardPushInput[] | null;

  @Field(() => [LandCompensationPushInput], { nullable: true, description: 'Compensations (补偿记录).' })
  compensations?: LandCompensationPushInput[] | null;

  @Field(() => String, { nullable: true, description: 'Full text (正文).' })
  body?: string | null;

  @Field(() => [String], { nullable: true, description: PUSH_FIELD.channels })
  channels?: string[] | null;
}
