/** An application for disclosure (依申请公开) as the applicant and the office see it, with its statutory clock and history. */
import 'reflect-metadata';
import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  ApplicantType,
  ApplicationAction,
  ApplicationOutcome,
  ApplicationOutcomeReason,
  ApplicationState,
  ClockState,
  ConsultationParty,
  DeliveryForm,
  ReviewKind,
  ReviewResult,
} from './application.enums.js';
import { Disclosure } from './disclosure.interface.js';
import { Organization } from './organization.type.js';

@ObjectType({ description: 'A consultation that paused the answer clock (征求意见).' })
export class ApplicationClockPause {
  @Field(() => ConsultationParty, { description: 'Whom the office consulted.' })
  party!: ConsultationParty;

  @Field(() => GraphQLLocalDate, { description: 'Day the consultation was sent; this day still counts.' })
  from!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day the opinion came back (not counted); null while the consultation lasts.' })
  to!: string | null;

  @Field(() => Int, { description: 'Working days left out of the count (up to today while it lasts).' })
  workingDays!: number;
}

@ObjectType({ description: 'The extension of the answer period (延期答复): at most one, of at most 20 working days.' })
export class ApplicationExtension {
  @Field(() => GraphQLLocalDate, { description: 'Day the extension was decided.' })
  grantedOn!: string;

  @Field(() => Int, { description: 'Working days added.' })
  workingDays!: number;
}

@ObjectType({ description: 'A correction request (补正) and the day the corrected application came back.' })
export class ApplicationCorrection {
  @Field(() => GraphQLLocalDate, { description: 'Day the office asked for the correction.' })
  requestedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day the corrected application was received (the answer period starts again from it); null while awaited.' })
  receivedOn!: string | null;
}

@ObjectType({
  description:
    'The statutory answer clock (答复期限) under the 2019 regulation: 20 working days from the day after receipt (day 1 is the first working day after the receipt date), consultations not counted, a correction restarting the period, one extension of at most 20 working days. Working days follow the official holiday calendar with its make-up working days (调休). Computed for today in China time (UTC+8).',
})
export class ApplicationClock {
  @Field(() => ClockState, { description: 'Whether the clock runs.' })
  state!: ClockState;

  @Field(() => GraphQLLocalDate, { description: 'Day the application was received (收到申请之日).' })
  receivedOn!: string;

  @Field(() => GraphQLLocalDate, { description: 'Receipt date the current period runs from: that of the corrected application after a correction, else receivedOn.' })
  periodStartsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day to answer (答复截止日); null while paused or awaiting a correction.' })
  dueDate!: string | null;

  @Field(() => Int, { description: 'Working days allowed: 20, plus the extension.' })
  allowedWorkingDays!: number;

  @Field(() => Int, { description: 'Working days counted so far in the current period (until the answer, once answered).' })
  workingDaysUsed!: number;

  @Field(() => Int, { nullable: true, description: 'allowedWorkingDays − workingDaysUsed: 0 on the due date, negative once overdue; null while awaiting a correction.' })
  workingDaysLeft!: number | null;

  @Field(() => Boolean, { description: 'Past the due date without an answer, or answered after it.' })
  overdue!: boolean;

  @Field(() => [ApplicationClockPause], { description: 'Consultations of the current period.' })
  pauses!: ApplicationClockPause[];

  @Field(() => ApplicationExtension, { nullable: true, description: 'The extension, if one was granted.' })
  extension!: ApplicationExtension | null;

  @Field(() => [ApplicationCorrection], { description: 'Correction requests, oldest first.' })
  corrections!: ApplicationCorrection[];
}

@ObjectType({ description: 'One step of an application’s history: what happened, when, who recorded it and why.' })
export class ApplicationHistoryEntry {
  @Field(() => Int, { description: 'Position in the history, from 1.' })
  seq!: number;

  @Field(() => ApplicationAction, { description: 'The step.' })
  action!: ApplicationAction;

  @Field(() => ApplicationState, { nullable: true, description: 'State before the step; null for the receipt.' })
  fromState!: ApplicationState | null;

  @Field(() => ApplicationState, { description: 'State after the step.' })
  toState!: ApplicationState;

  @Field(() => GraphQLLocalDate, { description: 'Day the step took effect (China time).' })
  on!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => String, { description: '`applicant` for the applicant’s own steps (filing, withdrawal), else the id of the staff credential (e.g. `key:<id>`).' })
  by!: string;

  @Field(() => String, { nullable: true, description: 'Why (required for corrections, consultations, extensions and withdrawals).' })
  reason!: string | null;

  @Field(() => ConsultationParty, { nullable: true, description: 'For a consultation: whom.' })
  party?: ConsultationParty;

  @Field(() => Int, { nullable: true, description: 'For an extension: working days added.' })
  workingDays?: number;

  @Field(() => Int, { nullable: true, description: 'For a review step: its index in `reviews`.' })
  reviewIndex?: number;

  @Field(() => String, { nullable: true, description: 'For a correction the applicant sent online: the description it replaced.' })
  previousDescription?: string;
}

@ObjectType({ description: 'The reply document sent to the applicant (政府信息公开申请答复书).' })
export class ReplyDocument {
  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Document number (文号), e.g. 内政信复〔2015〕3号.' })
  documentNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Text of the reply.' })
  text!: string | null;
}

@ObjectType({ description: 'The office’s answer (答复).' })
export class ApplicationAnswer {
  @Field(() => ApplicationOutcome, { description: 'Outcome category of table 三.' })
  outcome!: ApplicationOutcome;

  @Field(() => ApplicationOutcomeReason, { nullable: true, description: 'Reason, for the outcomes that need one.' })
  reason!: ApplicationOutcomeReason | null;

  @Field(() => GraphQLLocalDate, { description: 'Day of the answer.' })
  answeredOn!: string;

  @Field(() => ReplyDocument, { description: 'The reply document.' })
  replyDocument!: ReplyDocument;

  @Field(() => [Disclosure], { description: 'Published records of the graph disclosed with the answer (records no longer published are left out).' })
  disclosedRecords!: unknown[];
}

@ObjectType({ description: 'An administrative review or lawsuit about the answer (table 四).' })
export class ApplicationReview {
  @Field(() => ReviewKind, { description: 'Review or lawsuit, with or without review first.' })
  kind!: ReviewKind;

  @Field(() => GraphQLLocalDate, { description: 'Day it was filed.' })
  filedOn!: string;

  @Field(() => ReviewResult, { nullable: true, description: 'Result; null while pending (尚未审结).' })
  result!: ReviewResult | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day of the decision; null while pending.' })
  decidedOn!: string | null;
}

@ObjectType({ description: 'Who applied and how to reach them: personal data, shown to office staff only (never in a public query, count, search, export or error).' })
export class ApplicantDetails {
  @Field(() => String, { description: 'Name of the person or organization.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'For an organization: the person acting for it (联系人).' })
  contactPerson!: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address!: string | null;
}

@ObjectType({
  description:
    'An application for disclosure (政府信息公开申请, 依申请公开). The applicant follows it with its tracking number and secret; office staff see it with the applicant’s details.',
})
export class InformationApplication {
  @Field(() => String, { description: 'Tracking number (受理编号), e.g. YSQ-20151102-7KQ3MZ.' })
  trackingNumber!: string;

  @Field(() => Organization, { description: 'The organization the application is addressed to.' })
  organization!: unknown;

  @Field(() => ApplicantType, { description: 'Kind of applicant (not who: see `applicant`).' })
  applicantType!: ApplicantType;

  @Field(() => String, { description: 'The information asked for (所需信息的内容描述).' })
  description!: string;

  @Field(() => DeliveryForm, { description: 'Preferred form of delivery.' })
  deliveryForm!: DeliveryForm;

  @Field(() => GraphQLLocalDate, { description: 'Day the application was received.' })
  receivedOn!: string;

  @Field(() => ApplicationState, { description: 'Current state.' })
  state!: ApplicationState;

  @Field(() => ApplicationClock, { nullable: true, description: 'The answer clock as of today (China time); null, with a CALENDAR_YEAR_MISSING error naming the year, when the holiday calendar lacks a year the clock must count through.' })
  clock!: ApplicationClock | null;

  @Field(() => [ApplicationHistoryEntry], { description: 'Every step, oldest first, each written together with the state it led to.' })
  history!: ApplicationHistoryEntry[];

  @Field(() => ApplicationAnswer, { nullable: true, description: 'The answer, once given.' })
  answer!: ApplicationAnswer | null;

  @Field(() => [ApplicationReview], { description: 'Reviews and lawsuits about the answer, oldest first.' })
  reviews!: ApplicationReview[];

  @Field(() => ApplicantDetails, { description: 'Who applied. Office staff only: anyone else gets UNAUTHENTICATED or FORBIDDEN on this field.' })
  applicant!: ApplicantDetails;
}

@ObjectType({ description: 'A filed application: keep the tracking number and the secret to follow it; the secret is shown only this once.' })
export class FiledApplication {
  @Field(() => String, { description: 'Secret with which the applicant, and only they, follows the application (stored only as a digest; it cannot be shown again).' })
  secret!: string;

  @Field(() => InformationApplication, { description: 'The application as registered.' })
  application!: unknown;
}
