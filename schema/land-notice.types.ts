/** Land requisition and compensation notices (征地公告, 土地房屋征收补偿公示) and their parts. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';

export enum LandNoticeType {
  REQUISITION = 'REQUISITION',
  EXPROPRIATION_COMPENSATION = 'EXPROPRIATION_COMPENSATION',
}

registerEnumType(LandNoticeType, {
  name: 'LandNoticeType',
  description: 'What a land notice announces.',
  valuesConfig: {
    REQUISITION: { description: '征地公告: a land requisition notice.' },
    EXPROPRIATION_COMPENSATION: { description: '土地房屋征收补偿方案公示: a land and house expropriation compensation plan.' },
  },
});

@ObjectType({ description: 'An approval a requisition rests on (批准文件).' })
export class LandApprovalDocument {
  @Field(() => String, { description: 'Document number (文号).' })
  documentNumber!: string;

  @Field(() => String, { description: 'Approving authority (批准机关).' })
  issuer!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day of approval (批准日期).' })
  issuedOn!: string;
}

@ObjectType({ description: 'A compensation standard (补偿标准): the rate of one item per unit; `rate(unit:)` is in 元 per `perUnit`.' })
export class CompensationStandard {
  @Field(() => String, { description: 'Compensation item (补偿项目), e.g. 土地补偿费.' })
  item!: string;

  @Field(() => String, { description: 'The unit the rate is per (计量单位), e.g. 亩.' })
  perUnit!: string;
}

@ObjectType({ description: 'A compensation paid or due to an affected village for one item (补偿记录); `amount(unit:)` is stored in 元.' })
export class LandCompensation {
  @Field(() => String, { description: 'Compensation item (补偿项目).' })
  item!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day paid (拨付日期), when paid.' })
  paidOn!: string | null;
}

@ObjectType({
  implements: [Node, Disclosure],
  description: 'A land requisition notice or an expropriation compensation plan (征地公告 / 土地房屋征收补偿公示): location, area, purpose, affected villages, approvals, compensation standards and the compensations, amounts exact in 元.',
})
export class LandRequisitionNotice extends Disclosure {
  @Field(() => LandNoticeType, { description: 'What the notice announces.' })
  noticeType!: LandNoticeType;

  @Field(() => String, { description: 'Location and boundaries (位置、四至).' })
  location!: string;

  @Field(() => String, { description: 'Purpose of the requisition (用途).' })
  purpose!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day of the notice (公告日期).' })
  announcedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day objections or hearing requests are taken (异议/听证期限), when stated.' })
  objectionsUntil!: string | null;

  @Field(() => [LandApprovalDocument], { description: 'Approvals the notice rests on (批准文件).' })
  approvalDocuments!: LandApprovalDocument[];

  @Field(() => String, { description: 'Full text (正文).' })
  body!: string;
}
