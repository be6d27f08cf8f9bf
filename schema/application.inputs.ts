/** Inputs of applications: filing (anyone) and answering (office staff). */
import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { ApplicantType, ApplicationOutcome, ApplicationOutcomeReason, DeliveryForm } from './application.enums.js';

@InputType({ description: 'Who applies and how to reach them (personal data: seen by office staff only). At least one of phone, email or address.' })
export class ApplicantInput {
  @Field(() => String, { description: 'Name of the person, or of the organization (1–100 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'For an organization: the person acting for it.' })
  contactPerson?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone (digits, spaces, +, -, parentheses).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address?: string | null;
}

@InputType({ description: 'An application for disclosure (政府信息公开申请).' })
export class FileApplicationInput {
  @Field(() => ID, { description: 'Global id of the organization the application is addressed to (e.g. the town government).' })
  organizationId!: string;

  @Field(() => ApplicantType, { description: 'Kind of applicant.' })
  applicantType!: ApplicantType;

  @Field(() => ApplicantInput, { description: 'The applicant.' })
  applicant!: ApplicantInput;

  @Field(() => String, { description: 'The information wanted (1–2000 characters).' })
  description!: string;

  @Field(() => DeliveryForm, { description: 'Preferred form of delivery.' })
  deliveryForm!: DeliveryForm;
}

@InputType({ description: 'The reply document of an answer.' })
export class ReplyDocumentInput {
  @Field(() => String, { description: 'Title (required).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Document number (文号).' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Text of the reply (up to 2000 characters).' })
  text?: string | null;
}

@InputType({ description: 'The office’s answer: an outcome of table 三 with its reason when it needs one, the reply document, and the records disclosed.' })
export class AnswerApplicationInput {
  @Field(() => ApplicationOutcome, { description: 'Outcome.' })
  outcome!: ApplicationOutcome;

  @Field(() => ApplicationOutcomeReason, { nullable: true, description: 'Reason: required for REFUSED, UNABLE_TO_PROVIDE, NOT_PROCESSED and OTHER_HANDLING (one of theirs), absent otherwise.' })
  reason?: ApplicationOutcomeReason | null;

  @Field(() => ReplyDocumentInput, { description: 'The reply document.' })
  replyDocument!: ReplyDocumentInput;

  @Field(() => [ID], { nullable: true, description: 'Global ids of published records disclosed with the answer.' })
  disclosedRecordIds?: string[] | null;
}
