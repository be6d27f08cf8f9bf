/** What a department system pushes for a power list (PowerList), one list with its items. */
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar.js';
import { PUSH_FIELD } from './policy-push.input.js';
import { SourceVersionScalar } from './push-version.scalar.js';

@InputType({ description: 'The fee of a pushed power list item (收费).' })
export class PowerItemFeePushInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether a fee is charged.' })
  charged?: boolean | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Fixed fee in 元, only when charged.' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis of the fee (收费依据).' })
  basis?: string | null;
}

@InputType({ description: 'One item of a pushed power list (事项), in list order.' })
export class PowerListItemPushInput {
  @Field(() => String, { nullable: true, description: 'Kind, a PowerKind value, e.g. ADMINISTRATIVE_APPROVAL or PUBLIC_SERVICE.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Name (事项名称).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis (设定依据).' })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the handling organization (办理机构).' })
  handlingOrganizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the district delegated it to the town (区级下放).' })
  delegatedFromDistrict?: boolean | null;

  @Field(() => String, { nullable: true, description: `Day of the delegation, ${PUSH_FIELD.day}; only for a delegated item.` })
  delegatedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Statutory time limit (法定时限) in working days.' })
  statutoryTimeLimitDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Promised time limit (承诺时限) in working days.' })
  promisedTimeLimitDays?: number | null;

  @Field(() => PowerItemFeePushInput, { nullable: true, description: 'Fee (收费).' })
  fee?: PowerItemFeePushInput | null;
}

@InputType({ description: 'A power list or public service list (目录清单) pushed by a department system, with all its items.' })
export class PowerListPushInput {
  @Field(() => String, { description: PUSH_FIELD.sourceId })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: PUSH_FIELD.version })
  version!: number | string;

  @Field(() => String, { nullable: true, description: PUSH_FIELD.organizationId })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (标题).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalog category: ADMINISTRATIVE_APPROVAL_LIST or PUBLIC_SERVICE_LIST.' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Introductory text.' })
  body?: string | null;

  @Field(() => [PowerListItemPushInput], { nullable: true, description: 'The items, in list order (1–2000).' })
  items?: PowerListItemPushInput[] | null;

  @Field(() => [String], { nullable: true, description: PUSH_FIELD.channels })
  channels?: string[] | null;
}
