/**
 * The statutory clock of an application under the 2019 regulation
 * (《政府信息公开条例》第三十、三十二、三十三条):
 *
 * - The office answers within 20 working days of receipt
 *   (收到申请之日起20个工作日内). The day of receipt is not counted: day 1
 *   is the first working day after the receipt date, as periods are
 *   counted in Chinese law (期间开始的当日不计入), so the due date is the
 *   20th working day after receipt. An application received on a weekend
 *   or holiday also starts counting on the next working day.
 * - A correction request (补正) stops the clock; the period starts again, in
 *   full, from the day the corrected application is received
 *   (答复期限自行政机关收到补正的申请之日起计算).
 * - Time spent consulting a third party or another agency does not count
 *   (征求第三方和其他机关意见所需时间不计算在内): a consultation sent on day S and
 *   answered on day E leaves out the working days after S up to and
 *   including E (S itself was a day the office worked on the application).
 * - One extension of at most 20 working days (延长答复期限最长不得超过20个工作日),
 *   granted on or before the due date.
 *
 * Everything here is pure: dates in, dates out, over a HolidayCalendar.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { LocalDate } from '../calendar/local-date.js';
import { ApplicationError } from './application-errors.js';

export const STATUTORY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;

/** Whom the office consults while the clock is paused. */
export type ConsultationParty = 'THIRD_PARTY' | 'OTHER_AGENCY';

/** The steps of an application that move its clock, each on a calendar date. */
export type ClockEvent =
  | { kind: 'RECEIVED'; on: LocalDate }
  | { kind: 'CORRECTION_REQUESTED'; on: LocalDate }
  | { kind: 'CORRECTION_RECEIVED'; on: LocalDate }
  | { kind: 'PAUSE_STARTED'; on: LocalDate; party: ConsultationParty }
  | { kind: 'PAUSE_ENDED'; on: LocalDate }
  | { kind: 'EXTENDED'; on: LocalDate; workingDays: number }
  | { kind: 'STOPPED'; on: LocalDate };

/** A consultation that paused the clock; `to` null while it lasts. */
export interface ClockPause {
  party: ConsultationParty;
  from: LocalDate;
  to: LocalDate | null;
  /** Working days left out of the count (up to the day asked about, while it lasts). */
  workingDays: number;
}

/** The clock's state on one day. */
export interface ReplyClock {
  /** The day the application was first received. */
  receivedOn: LocalDate;
  /** The receipt date the current period runs from: the receipt of the corrected application after 补正, else `receivedOn`. */
  periodStartsOn: LocalDate;
  state: 'RUNNING' | 'PAUSED' | 'AWAITING_CORRECTION' | 'STOPPED';
  /** 20, plus the extension. */
  allowedWorkingDays: number;
  extension: { grantedOn: LocalDate; workingDays: number } | null;
  /** Consultations of the current period. */
  pauses: ClockPause[];
  /** Correction requests (补正), with the day the corrected application came back. */
  corrections: Array<{ requestedOn: LocalDate; receivedOn: LocalDate | null }>;
  /** The last day to answer; null while the clock does not run (paused, awaiting correction). */
  dueDate: LocalDate | null;
  /** Working days counted so far in the current period (up to the stop, when stopped). */
  workingDaysUsed: number;
  /** `allowedWorkingDays - workingDaysUsed`; negative once overdue; null while awaiting correction. */
  workingDaysLeft: number | null;
  /** Past the due date without an answer (or, once stopped, answered after it). */
  overdue: boolean;
  stoppedOn: LocalDate | null;
}

interface Accumulator {
  receivedOn: LocalDate;
  periodStartsOn: LocalDate;
  awaitingCorrection: boolean;
  extension: { grantedOn: LocalDate; workingDays: number } | null;
  pauses: Array<{ party: ConsultationParty; from: LocalDate; to: LocalDate | null }>;
  corrections: Array<{ requestedOn: LocalDate; receivedOn: LocalDate | null }>;
  stoppedOn: LocalDate | null;
  lastOn: LocalDate;
}

function pausedDay(pauses: Accumulator['pauses']): (day: LocalDate) => boolean {
  return (day) => pauses.some((p) => day > p.from && (p.to === null || day <= p.to));
}

/** The due date of the current period; every pause must be closed. */
function dueDateOf(calendar: HolidayCalendar, acc: Accumulator): LocalDate {
  const allowed = STATUTORY_WORKING_DAYS + (acc.extension?.workingDays ?? 0);
  return calendar.addWorkingDays(acc.periodStartsOn, allowed, pausedDay(acc.pauses));
}

function refuse(message: string): never {
  throw new ApplicationError('INVALID_TRANSITION', message);
}

function apply(calendar: HolidayCalendar, acc: Accumulator | null, event: ClockEvent): Accumulator {
  if (acc === null) {
    if (event.kind !== 'RECEIVED') refuse(`The first step of an application must be its receipt, not ${event.kind}`);
    return { receivedOn: event.on, periodStartsOn: event.on, awaitingCorrection: false, extension: null, pauses: [], corrections: [], stoppedOn: null, lastOn: event.on };
  }
  if (event.on < acc.lastOn) {
    throw new ApplicationError('DATE_OUT_OF_ORDER', `A step dated ${event.on} cannot follow one dated ${acc.lastOn}`, { argumentName: 'on' });
  }
  if (acc.stoppedOn !== null) refuse('The clock has stopped: the application is answered or withdrawn');
  const open = acc.pauses.find((p) => p.to === null);
  const next: Accumulator = { ...acc, lastOn: event.on, pauses: acc.pauses.map((p) => ({ ...p })), corrections: acc.corrections.map((c) => ({ ...c })) };
  switch (event.kind) {
    case 'RECEIVED':
      return refuse('An application is received only once; a corrected application is a CORRECTION_RECEIVED step');
    case 'CORRECTION_REQUESTED':
      if (acc.awaitingCorrection) refuse('A correction is already requested');
      if (open) refuse('A correction cannot be requested during a consultation');
      next.awaitingCorrection = true;
      next.corrections.push({ requestedOn: event.on, receivedOn: null });
      return next;
    case 'CORRECTION_RECEIVED':
      if (!acc.awaitingCorrection) refuse('No correction was requested');
      next.awaitingCorrection = false;
      next.corrections[next.corrections.length - 1]!.receivedOn = event.on;
      // The period starts again in full: earlier pauses and any extension belonged to the old one.
      next.periodStartsOn = event.on;
      next.pauses = [];
      next.extension = null;
      return next;
    case 'PAUSE_STARTED':
      if (acc.awaitingCorrection) refuse('The application awaits its correction');
      if (open) refuse('A consultation is already under way');
      next.pauses.push({ party: event.party, from: event.on, to: null });
      return next;
    case 'PAUSE_ENDED':
      if (!open) refuse('No consultation is under way');
      next.pauses[next.pauses.length - 1]!.to = event.on;
      return next;
    case 'EXTENDED': {
      if (acc.awaitingCorrection) refuse('The application awaits its correction');
      if (acc.extension !== null) {
        throw new ApplicationError('EXTENSION_ALREADY_GRANTED', `The answer period was already extended once (on ${acc.extension.grantedOn}, by ${acc.extension.workingDays} working days); the regulation allows one extension`);
      }
      if (!Number.isInteger(event.workingDays) || event.workingDays < 1) {
        throw new ApplicationError('BAD_USER_INPUT', `An extension is a whole number of working days from 1 to ${MAX_EXTENSION_WORKING_DAYS}, got ${event.workingDays}`, { argumentName: 'workingDays' });
      }
      if (event.workingDays > MAX_EXTENSION_WORKING_DAYS) {
        throw new ApplicationError('EXTENSION_TOO_LONG', `An extension may not exceed ${MAX_EXTENSION_WORKING_DAYS} working days, asked for ${event.workingDays}`, { argumentName: 'workingDays' });
      }
      // During a consultation the clock has stood still since it began: the period as if it ended today.
      const due = dueDateOf(calendar, { ...acc, pauses: acc.pauses.map((p) => (p.to === null ? { ...p, to: event.on } : p)) });
      if (event.on > due) {
        throw new ApplicationError('EXTENSION_AFTER_DUE_DATE', `The answer period ended on ${due}; an extension must be decided within it`);
      }
      next.extension = { grantedOn: event.on, workingDays: event.workingDays };
      return next;
    }
    case 'STOPPED':
      // Answering during a consultation ends it: the office decided without waiting any longer.
      if (open) next.pauses[next.pauses.length - 1]!.to = event.on;
      next.stoppedOn = event.on;
      return next;
  }
}

/**
 * Folds `events` (in order, the first a RECEIVED) into the clock as it
 * stands on `asOf`; throws ApplicationError on a sequence the rules refuse
 * and CalendarYearMissingError when a day to count has no calendar year.
 */
export function replyClock(calendar: HolidayCalendar, events: readonly ClockEvent[], asOf: LocalDate): ReplyClock {
  let acc: Accumulator | null = null;
  for (const event of events) acc = apply(calendar, acc, event);
  if (acc === null) return refuse('An application without a receipt has no clock');
  const allowedWorkingDays = STATUTORY_WORKING_DAYS + (acc.extension?.workingDays ?? 0);
  const until = acc.stoppedOn ?? asOf;
  const skip = pausedDay(acc.pauses);
  const pauses: ClockPause[] = acc.pauses.map((p) => ({
    ...p,
    workingDays: calendar.workingDaysBetween(p.from, p.to ?? until),
  }));
  const base = { receivedOn: acc.receivedOn, periodStartsOn: acc.periodStartsOn, allowedWorkingDays, extension: acc.extension, pauses, corrections: acc.corrections, stoppedOn: acc.stoppedOn };
  if (acc.awaitingCorrection) {
    const lastRequest = acc.corrections[acc.corrections.length - 1]!.requestedOn;
    // Closed while the correction was awaited (not corrected in time, or withdrawn): the period never restarted.
    return { ...base, state: acc.stoppedOn !== null ? 'STOPPED' : 'AWAITING_CORRECTION', dueDate: null, workingDaysUsed: calendar.workingDaysBetween(acc.periodStartsOn, lastRequest, skip), workingDaysLeft: null, overdue: false };
  }
  const workingDaysUsed = calendar.workingDaysBetween(acc.periodStartsOn, until, skip);
  const workingDaysLeft = allowedWorkingDays - workingDaysUsed;
  const paused = acc.pauses.some((p) => p.to === null);
  const dueDate = paused ? null : calendar.addWorkingDays(acc.periodStartsOn, allowedWorkingDays, skip);
  const state = acc.stoppedOn !== null ? 'STOPPED' : paused ? 'PAUSED' : 'RUNNING';
  const overdue = workingDaysLeft < 0 || (dueDate !== null && until > dueDate);
  return { ...base, state, dueDate, workingDaysUsed, workingDaysLeft, overdue };
}
