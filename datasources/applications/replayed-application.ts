/**
 * An application built from its receipt and its later steps, each checked by
 * the same state machine and clock as live requests: for demo data and
 * imports of applications handled before the gateway, so that their history,
 * state, answer and reviews agree by construction.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { startOfChinaDay, type LocalDate } from '../calendar/local-date.js';
import { officialCalendar } from '../calendar/official-calendar.js';
import type { OfficeApplicationRecord } from './application-records.js';
import type { ApplicationDoc } from './application-store.js';
import { applyStep, type StepRequest } from './application-workflow.js';
import { checkFiling, type FilingInput } from './filing-input.js';
import { secretDigest } from './tracking-secret.js';

/** An application as it happened: filing, receipt date, tracking number and the steps after it. */
export interface ApplicationReplay extends FilingInput {
  trackingNumber: string;
  receivedOn: LocalDate;
  /** The secret the applicant holds (only its digest is stored). */
  secret: string;
  /** Principal id recorded for the office's steps. */
  officeBy: string;
  steps: StepRequest[];
}

/** Recorded at 09:00 China time on the day a step took effect. */
function recordedAt(on: LocalDate): Date {
  return new Date(startOfChinaDay(on).getTime() + 9 * 3_600_000);
}

/** The stored document of `replay`; throws the ApplicationError of the first step the rules refuse. */
export function replayApplication(replay: ApplicationReplay, calendar: HolidayCalendar = officialCalendar()): ApplicationDoc {
  const filing = checkFiling(replay);
  let record: OfficeApplicationRecord = {
    id: `application-${replay.trackingNumber}`,
    trackingNumber: replay.trackingNumber,
    organizationId: filing.organizationId,
    applicantType: filing.applicantType,
    applicant: filing.applicant,
    description: filing.description,
    deliveryForm: filing.deliveryForm,
    receivedOn: replay.receivedOn,
    state: 'REGISTERED',
    history: [{ seq: 1, action: 'FILE', fromState: null, toState: 'REGISTERED', on: replay.receivedOn, recordedAt: recordedAt(replay.receivedOn), by: 'applicant', reason: null }],
    answer: null,
    reviews: [],
    version: 1,
  };
  for (const step of replay.steps) {
    const by = step.action === 'WITHDRAW' ? 'applicant' : replay.officeBy;
    const outcome = applyStep(calendar, record, step, { by, today: step.on, recordedAt: recordedAt(step.on) });
    record = {
      ...record,
      state: outcome.state,
      history: [...record.history, outcome.entry],
      answer: outcome.answer ?? record.answer,
      reviews: outcome.reviews ?? record.reviews,
      version: record.version + 1,
    };
  }
  const { id, ...rest } = record;
  return { _id: id, ...rest, secretHash: secretDigest(replay.secret), filedAt: recordedAt(replay.receivedOn) };
}
