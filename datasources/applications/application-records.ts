/**
 * Applications for disclosure (依申请公开) as the data layer hands them
 * out. The applicant's identity and contact (`ApplicantIdentity`) are
 * personal data: only office views carry them.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { ConsultationParty } from './reply-clock.js';

/** Columns of table 三 of the annual report: who applied. */
export const APPLICANT_TYPES = [
  'NATURAL_PERSON',
  'COMMERCIAL_ENTERPRISE',
  'RESEARCH_INSTITUTION',
  'PUBLIC_INTEREST_ORGANIZATION',
  'LEGAL_SERVICE_INSTITUTION',
  'OTHER_ORGANIZATION',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** The form in which the applicant wants the information (获取信息的方式). */
export const DELIVERY_FORMS = ['PAPER', 'ELECTRONIC', 'EMAIL', 'POST', 'ON_SITE_READING', 'OTHER'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];

/** Where an application stands. */
export const APPLICATION_STATES = [
  'REGISTERED',
  'CORRECTION_REQUESTED',
  'CONSULTING_THIRD_PARTY',
  'CONSULTING_OTHER_AGENCY',
  'EXTENDED',
  'ANSWERED',
  'WITHDRAWN',
  'IN_REVIEW_OR_LITIGATION',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States in which the office still owes an answer. */
export const OPEN_STATES: readonly ApplicationState[] = ['REGISTERED', 'CORRECTION_REQUESTED', 'CONSULTING_THIRD_PARTY', 'CONSULTING_OTHER_AGENCY', 'EXTENDED'];

/** The steps recorded in an application's history. */
export const APPLICATION_ACTIONS = [
  'FILE',
  'REQUEST_CORRECTION',
  'RECEIVE_CORRECTION',
  'CONSULT_THIRD_PARTY',
  'CONSULT_OTHER_AGENCY',
  'END_CONSULTATION',
  'EXTEND',
  'ANSWER',
  'WITHDRAW',
  'FILE_REVIEW',
  'DECIDE_REVIEW',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Outcome categories of table 三, row 三 (办理结果). */
export const OUTCOMES = ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'UNABLE_TO_PROVIDE', 'NOT_PROCESSED', 'OTHER_HANDLING'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The reasons each outcome needs (none for 予以公开 and 部分公开), in the report's row order. */
export const OUTCOME_REASONS = {
  GRANTED: [],
  PARTIALLY_GRANTED: [],
  REFUSED: [
    'STATE_SECRET',
    'PROHIBITED_BY_LAW',
    'ENDANGERS_SECURITY_OR_STABILITY',
    'THIRD_PARTY_RIGHTS',
    'INTERNAL_AFFAIRS',
    'PROCESS_INFORMATION',
    'ENFORCEMENT_CASE_FILE',
    'ADMINISTRATIVE_INQUIRY',
  ],
  UNABLE_TO_PROVIDE: ['NOT_HELD', 'WOULD_REQUIRE_CREATION', 'UNCLEAR_AFTER_CORRECTION'],
  NOT_PROCESSED: ['PETITION_OR_COMPLAINT', 'REPEATED_APPLICATION', 'PUBLICATION_REQUESTED', 'EXCESSIVE_APPLICATIONS', 'CONFIRMATION_REQUESTED'],
  OTHER_HANDLING: ['NO_CORRECTION_IN_TIME', 'FEE_NOT_PAID', 'OTHER'],
} as const satisfies Record<Outcome, readonly string[]>;
export type OutcomeReason = (typeof OUTCOME_REASONS)[Outcome][number];
export const OUTCOME_REASON_LIST: readonly OutcomeReason[] = Object.values(OUTCOME_REASONS).flat();

/** Administrative review (行政复议) and litigation (行政诉讼) after an answer: table 四's column groups. */
export const REVIEW_KINDS = ['ADMINISTRATIVE_REVIEW', 'LITIGATION_WITHOUT_REVIEW', 'LITIGATION_AFTER_REVIEW'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
/** How a review or lawsuit ended: 维持, 纠正, 其他结果. */
export const REVIEW_RESULTS = ['UPHELD', 'CORRECTED', 'OTHER'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Who applied: personal data, for office staff only. */
export interface ApplicantIdentity {
  /** The person's name, or for an organization the name of the organization. */
  name: string;
  /** For an organization: the person acting for it (联系人). */
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** One step of the history (who, when, why), written in the same update as the state it leads to. */
export interface HistoryEntry {
  seq: number;
  action: ApplicationAction;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  /** The date the step took effect (the day received, sent, answered…), China time. */
  on: LocalDate;
  /** When it was recorded. */
  recordedAt: Date;
  /** `applicant` for the applicant's own steps, else the principal id of the staff member or system. */
  by: string;
  reason: string | null;
  /** For consultations: whom. */
  party?: ConsultationParty;
  /** For extensions: by how many working days. */
  workingDays?: number;
  /** For reviews: which (index into `reviews`). */
  reviewIndex?: number;
  /** For a correction the applicant sent online: the description it replaced. */
  previousDescription?: string;
}

/** The office's answer. */
export interface ApplicationAnswer {
  outcome: Outcome;
  reason: OutcomeReason | null;
  answeredOn: LocalDate;
  /** The reply document (答复书). */
  replyDocument: { title: string; documentNumber: string | null; text: string | null };
  /** Global ids of graph records disclosed with the answer. */
  disclosedRecordIds: string[];
}

/** A review or lawsuit about the answer. */
export interface ApplicationReview {
  kind: ReviewKind;
  filedOn: LocalDate;
  result: ReviewResult | null;
  decidedOn: LocalDate | null;
}

/** An application without the applicant's identity: what the applicant (with the secret) and the report see. */
export interface ApplicationRecord {
  id: string;
  trackingNumber: string;
  /** The organization the application is addressed to. */
  organizationId: string;
  applicantType: ApplicantType;
  description: string;
  deliveryForm: DeliveryForm;
  receivedOn: LocalDate;
  state: ApplicationState;
  history: HistoryEntry[];
  answer: ApplicationAnswer | null;
  reviews: ApplicationReview[];
  version: number;
}

/** An application with its applicant, for office staff. */
export interface OfficeApplicationRecord extends ApplicationRecord {
  applicant: ApplicantIdentity;
}
