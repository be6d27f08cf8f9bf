/**
 * The life of an application as a state machine: which step may follow
 * which state, where it leads, and what it writes to the history. Steps
 * that move the statutory clock are checked against it (a second
 * extension, one beyond 20 working days, a step dated before the previous
 * one). Pure: the store applies the result in one document update.
 */
import { CalendarYearMissingError } from '../calendar/calendar-errors.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { LocalDate } from '../calendar/local-date.js';
import { ApplicationError } from './application-errors.js';
import {
  OPEN_STATES,
  OUTCOME_REASONS,
  type ApplicationAction,
  type ApplicationAnswer,
  type ApplicationRecord,
  type ApplicationReview,
  type ApplicationState,
  type HistoryEntry,
  type Outcome,
  type OutcomeReason,
  type ReviewKind,
  type ReviewResult,
} from './application-records.js';
import { replyClock, type ClockEvent, type ReplyClock } from './reply-clock.js';

/** A step the office (or the applicant, for a withdrawal) asks for; `on` is the date it took effect. */
export type StepRequest =
  | { action: 'REQUEST_CORRECTION' | 'RECEIVE_CORRECTION' | 'CONSULT_THIRD_PARTY' | 'CONSULT_OTHER_AGENCY' | 'END_CONSULTATION' | 'WITHDRAW'; on: LocalDate; reason: string | null }
  | { action: 'EXTEND'; on: LocalDate; reason: string | null; workingDays: number }
  | { action: 'ANSWER'; on: LocalDate; reason: string | null; answer: Omit<ApplicationAnswer, 'answeredOn'> }
  | { action: 'FILE_REVIEW'; on: LocalDate; reason: string | null; kind: ReviewKind }
  | { action: 'DECIDE_REVIEW'; on: LocalDate; reason: string | null; reviewIndex: number; result: ReviewResult };

/** What a step changes, for the store to write in one update guarded by `version`. */
export interface StepOutcome {
  state: ApplicationState;
  entry: HistoryEntry;
  answer?: ApplicationAnswer;
  reviews?: ApplicationReview[];
}

type StepAction = Exclude<ApplicationAction, 'FILE'>;

/** The states each step may start from. */
export const ALLOWED_FROM: Record<StepAction, readonly ApplicationState[]> = {
  REQUEST_CORRECTION: ['REGISTERED'],
  RECEIVE_CORRECTION: ['CORRECTION_REQUESTED'],
  CONSULT_THIRD_PARTY: ['REGISTERED', 'EXTENDED'],
  CONSULT_OTHER_AGENCY: ['REGISTERED', 'EXTENDED'],
  END_CONSULTATION: ['CONSULTING_THIRD_PARTY', 'CONSULTING_OTHER_AGENCY'],
  // From EXTENDED too, so that a second extension is refused by the clock's own rule (EXTENSION_ALREADY_GRANTED).
  EXTEND: ['REGISTERED', 'EXTENDED'],
  ANSWER: ['REGISTERED', 'EXTENDED', 'CONSULTING_THIRD_PARTY', 'CONSULTING_OTHER_AGENCY', 'CORRECTION_REQUESTED'],
  WITHDRAW: OPEN_STATES,
  FILE_REVIEW: ['ANSWERED', 'IN_REVIEW_OR_LITIGATION'],
  DECIDE_REVIEW: ['IN_REVIEW_OR_LITIGATION'],
};

/** Steps that need a reason (why), as the history must say. */
const REASON_REQUIRED: ReadonlySet<StepAction> = new Set(['REQUEST_CORRECTION', 'CONSULT_THIRD_PARTY', 'CONSULT_OTHER_AGENCY', 'EXTEND', 'WITHDRAW']);
const MAX_TEXT = 2000;

/** The clock events recorded in a history, in order. */
export function clockEvents(history: readonly HistoryEntry[]): ClockEvent[] {
  const events: ClockEvent[] = [];
  for (const entry of history) {
    const on = entry.on;
    switch (entry.action) {
      case 'FILE':
        events.push({ kind: 'RECEIVED', on });
        break;
      case 'REQUEST_CORRECTION':
        events.push({ kind: 'CORRECTION_REQUESTED', on });
        break;
      case 'RECEIVE_CORRECTION':
        events.push({ kind: 'CORRECTION_RECEIVED', on });
        break;
      case 'CONSULT_THIRD_PARTY':
      case 'CONSULT_OTHER_AGENCY':
        events.push({ kind: 'PAUSE_STARTED', on, party: entry.party ?? (entry.action === 'CONSULT_THIRD_PARTY' ? 'THIRD_PARTY' : 'OTHER_AGENCY') });
        break;
      case 'END_CONSULTATION':
        events.push({ kind: 'PAUSE_ENDED', on });
        break;
      case 'EXTEND':
        events.push({ kind: 'EXTENDED', on, workingDays: entry.workingDays ?? 0 });
        break;
      case 'ANSWER':
      case 'WITHDRAW':
        events.push({ kind: 'STOPPED', on });
        break;
      case 'FILE_REVIEW':
      case 'DECIDE_REVIEW':
        break;
    }
  }
  return events;
}

/** The clock of an application on `asOf`. */
export function clockOf(calendar: HolidayCalendar, application: Pick<ApplicationRecord, 'history'>, asOf: LocalDate): ReplyClock {
  return replyClock(calendar, clockEvents(application.history), asOf);
}

function invalid(application: ApplicationRecord, message: string): never {
  throw new ApplicationError('INVALID_TRANSITION', message, { state: application.state });
}

function checkText(value: string | null, argumentName: string): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT) throw new ApplicationError('BAD_USER_INPUT', `${argumentName} is longer than ${MAX_TEXT} characters`, { argumentName });
  return trimmed === '' ? null : trimmed;
}

function checkAnswer(application: ApplicationRecord, answer: Omit<ApplicationAnswer, 'answeredOn'>): void {
  const reasons: readonly OutcomeReason[] = OUTCOME_REASONS[answer.outcome as Outcome];
  if (reasons.length === 0 && answer.reason !== null) {
    throw new ApplicationError('BAD_USER_INPUT', `The outcome ${answer.outcome} takes no reason`, { argumentName: 'answer.reason' });
  }
  if (reasons.length > 0 && (answer.reason === null || !reasons.includes(answer.reason))) {
    throw new ApplicationError('BAD_USER_INPUT', `The outcome ${answer.outcome} needs one of the reasons ${reasons.join(', ')}`, { argumentName: 'answer.reason' });
  }
  const awaitingCorrection = application.state === 'CORRECTION_REQUESTED';
  if (awaitingCorrection !== (answer.reason === 'NO_CORRECTION_IN_TIME')) {
    invalid(
      application,
      awaitingCorrection
        ? 'While a correction is awaited, the only answer is OTHER_HANDLING with NO_CORRECTION_IN_TIME (申请人逾期不补正); record the corrected application first'
        : 'NO_CORRECTION_IN_TIME applies only to an application awaiting its correction',
    );
  }
  if (checkText(answer.replyDocument.title, 'answer.replyDocument.title') === null) {
    throw new ApplicationError('BAD_USER_INPUT', 'The reply document needs a title', { argumentName: 'answer.replyDocument.title' });
  }
  checkText(answer.replyDocument.text, 'answer.replyDocument.text');
}

/**
 * Checks `step` against the application's state, history and clock and
 * returns what it changes; throws ApplicationError (INVALID_TRANSITION,
 * EXTENSION_*, DATE_OUT_OF_ORDER, BAD_USER_INPUT) when the step is refused.
 * `today` bounds `on`: a step cannot take effect in the future.
 */
export function applyStep(
  calendar: HolidayCalendar,
  application: ApplicationRecord,
  step: StepRequest,
  context: { by: string; today: LocalDate; recordedAt: Date },
): StepOutcome {
  if (step.on > context.today) throw new ApplicationError('BAD_USER_INPUT', `A step cannot take effect after today (${context.today})`, { argumentName: 'on' });
  const allowed = ALLOWED_FROM[step.action];
  if (!allowed.includes(application.state)) {
    invalid(application, `${step.action} is not possible from ${application.state}; it needs one of ${allowed.join(', ')}`);
  }
  const reason = checkText(step.reason, 'reason');
  if (REASON_REQUIRED.has(step.action) && reason === null) {
    throw new ApplicationError('BAD_USER_INPUT', `${step.action} needs a reason (the history records why)`, { argumentName: 'reason' });
  }
  const last = application.history[application.history.length - 1];
  if (last && step.on < last.on) {
    throw new ApplicationError('DATE_OUT_OF_ORDER', `A step dated ${step.on} cannot follow one dated ${last.on}`, { argumentName: 'on' });
  }
  const entry: HistoryEntry = {
    seq: application.history.length + 1,
    action: step.action,
    fromState: application.state,
    toState: application.state,
    on: step.on,
    recordedAt: context.recordedAt,
    by: context.by,
    reason,
  };
  if (step.action === 'CONSULT_THIRD_PARTY') entry.party = 'THIRD_PARTY';
  if (step.action === 'CONSULT_OTHER_AGENCY') entry.party = 'OTHER_AGENCY';
  if (step.action === 'EXTEND') entry.workingDays = step.workingDays;
  if (step.action === 'ANSWER') checkAnswer(application, step.answer);

  // The clock checks its own rules (extension limits, order) on the history with this step. Only an extension
  // needs the due date; any other step stays possible when the period runs into a year the calendar lacks.
  let extended: boolean;
  try {
    extended = replyClock(calendar, clockEvents([...application.history, entry]), step.on).extension !== null;
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError) || step.action === 'EXTEND') throw error;
    const restart = application.history.map((h) => h.action).lastIndexOf('RECEIVE_CORRECTION');
    extended = application.history.slice(restart + 1).some((h) => h.action === 'EXTEND');
  }
  const outcome: StepOutcome = { state: application.state, entry };
  switch (step.action) {
    case 'REQUEST_CORRECTION':
      outcome.state = 'CORRECTION_REQUESTED';
      break;
    case 'RECEIVE_CORRECTION':
      outcome.state = 'REGISTERED';
      break;
    case 'CONSULT_THIRD_PARTY':
      outcome.state = 'CONSULTING_THIRD_PARTY';
      break;
    case 'CONSULT_OTHER_AGENCY':
      outcome.state = 'CONSULTING_OTHER_AGENCY';
      break;
    case 'END_CONSULTATION':
      outcome.state = extended ? 'EXTENDED' : 'REGISTERED';
      break;
    case 'EXTEND':
      outcome.state = 'EXTENDED';
      break;
    case 'ANSWER':
      outcome.state = 'ANSWERED';
      outcome.answer = {
        outcome: step.answer.outcome,
        reason: step.answer.reason,
        answeredOn: step.on,
        replyDocument: {
          title: checkText(step.answer.replyDocument.title, 'answer.replyDocument.title')!,
          documentNumber: checkText(step.answer.replyDocument.documentNumber, 'answer.replyDocument.documentNumber'),
          text: checkText(step.answer.replyDocument.text, 'answer.replyDocument.text'),
        },
        disclosedRecordIds: [...new Set(step.answer.disclosedRecordIds)],
      };
      break;
    case 'WITHDRAW':
      outcome.state = 'WITHDRAWN';
      break;
    case 'FILE_REVIEW': {
      const reviews = application.reviews;
      if (step.kind === 'LITIGATION_AFTER_REVIEW' && !reviews.some((r) => r.kind === 'ADMINISTRATIVE_REVIEW' && r.result !== null)) {
        invalid(application, 'A lawsuit after review (复议后起诉) needs a decided administrative review first');
      }
      entry.reviewIndex = reviews.length;
      outcome.reviews = [...reviews, { kind: step.kind, filedOn: step.on, result: null, decidedOn: null }];
      outcome.state = 'IN_REVIEW_OR_LITIGATION';
      break;
    }
    case 'DECIDE_REVIEW': {
      const review = application.reviews[step.reviewIndex];
      if (!review || review.result !== null) {
        throw new ApplicationError('BAD_USER_INPUT', `No undecided review or lawsuit number ${step.reviewIndex}`, { argumentName: 'reviewIndex' });
      }
      entry.reviewIndex = step.reviewIndex;
      outcome.reviews = application.reviews.map((r, i) => (i === step.reviewIndex ? { ...r, result: step.result, decidedOn: step.on } : r));
      outcome.state = outcome.reviews.some((r) => r.result === null) ? 'IN_REVIEW_OR_LITIGATION' : 'ANSWERED';
      break;
    }
  }
  entry.toState = outcome.state;
  return outcome;
}
