/**
 * Tables 三 and 四 of the annual report, counted from the applications
 * themselves, and the per-application balance 一 + 二 = 三 + 四.
 *
 * Each row reads its own evidence, so that an application whose records
 * disagree shows up instead of being silently counted once:
 * - 一 本年新收: the receipt date falls in the year;
 * - 二 上年结转: received before the year and, by its history, not answered
 *   or withdrawn before the year began;
 * - 三 办理结果: the answer record dated in the year (by outcome and reason);
 *   a withdrawal in the year (history) counts under 其他处理·其他;
 * - 四 结转下年度: received by the end of the year and, by its history, not
 *   answered or withdrawn by then.
 * Every consistent application is counted once on each side; one counted
 * differently on the two sides is a violation, listed by tracking number.
 *
 * Table 四 counts the reviews and lawsuits filed in the year, with their
 * result as known at the end of the year (尚未审结 otherwise).
 */
import type { ApplicationRecord, ReviewKind } from '../applications/application-records.js';
import { REVIEW_KINDS } from '../applications/application-records.js';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, outcomeRowKey, type ApplicationColumn } from './report-layout.js';

/** Counts of one row of table 三 by column (the TOTAL column included). */
export type ColumnCounts = Record<ApplicationColumn, number>;

/** One column group of table 四. */
export interface ReviewCounts {
  kind: ReviewKind;
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

/** An application counted differently on the two sides of 一 + 二 = 三 + 四. */
export interface BalanceViolation {
  trackingNumber: string;
  applicantType: ApplicationColumn;
  /** The rows it is counted in on the left (一, 二) and on the right (三 rows, 四). */
  left: string[];
  right: string[];
}

/** Tables 三 and 四 of one year, with the applications behind rows 二 and 四. */
export interface ApplicationTables {
  rows: Map<string, ColumnCounts>;
  reviews: ReviewCounts[];
  violations: BalanceViolation[];
  /** Tracking numbers counted in 二 and in 四 (for the checks against published reports). */
  carriedOver: string[];
  carriedForward: string[];
}

function emptyCounts(): ColumnCounts {
  return Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c, 0])) as ColumnCounts;
}

/** The day the history says the application was answered or withdrawn, if it was. */
function concludedOn(application: ApplicationRecord): string | null {
  return application.history.find((entry) => entry.action === 'ANSWER' || entry.action === 'WITHDRAW')?.on ?? null;
}

/** Counts tables 三 and 四 of `year` from `applications` (those received by the end of the year; others are ignored). */
export function applicationTables(applications: readonly ApplicationRecord[], year: number): ApplicationTables {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = new Map<string, ColumnCounts>(APPLICATION_ROWS.map((row) => [row.key, emptyCounts()]));
  const count = (key: string, column: ApplicationColumn) => {
    const counts = rows.get(key)!;
    counts[column] += 1;
    counts.TOTAL += 1;
  };
  const violations: BalanceViolation[] = [];
  const carriedOver: string[] = [];
  const carriedForward: string[] = [];
  const reviews = new Map<ReviewKind, ReviewCounts>(REVIEW_KINDS.map((kind) => [kind, { kind, upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]));

  for (const application of applications) {
    if (application.receivedOn > end) continue;
    const column = application.applicantType;
    const concluded = concludedOn(application);
    const left: string[] = [];
    const right: string[] = [];
    if (application.receivedOn >= start) left.push('NEW');
    else if (concluded === null || concluded >= start) left.push('CARRIED_OVER');
    const answer = application.answer;
    if (answer && answer.answeredOn >= start && answer.answeredOn <= end) right.push(outcomeRowKey(answer.outcome, answer.reason));
    if (!answer && application.state === 'WITHDRAWN' && concluded !== null && concluded >= start && concluded <= end) right.push(outcomeRowKey('OTHER_HANDLING', 'OTHER'));
    if (concluded === null || concluded > end) right.push('CARRIED_FORWARD');

    for (const key of [...left, ...right]) count(key, column);
    for (const key of right) if (key !== 'CARRIED_FORWARD') count('RESULTS_TOTAL', column);
    if (left.includes('CARRIED_OVER')) carriedOver.push(application.trackingNumber);
    if (right.includes('CARRIED_FORWARD')) carriedForward.push(application.trackingNumber);
    if (left.length !== right.length) violations.push({ trackingNumber: application.trackingNumber, applicantType: column, left, right });

    for (const review of application.reviews) {
      if (review.filedOn < start || review.filedOn > end) continue;
      const counts = reviews.get(review.kind)!;
      const decided = review.result !== null && review.decidedOn !== null && review.decidedOn <= end;
      if (!decided) counts.pending += 1;
      else if (review.result === 'UPHELD') counts.upheld += 1;
      else if (review.result === 'CORRECTED') counts.corrected += 1;
      else counts.other += 1;
      counts.total += 1;
    }
  }
  return { rows, reviews: [...reviews.values()], violations, carriedOver: carriedOver.sort(), carriedForward: carriedForward.sort() };
}

/** Columns where 一 + 二 ≠ 三 + 四 in the counted rows. */
export function unbalancedColumns(rows: Map<string, ColumnCounts>): Array<{ column: ApplicationColumn; left: number; right: number }> {
  return APPLICATION_COLUMNS.flatMap((column) => {
    const left = rows.get('NEW')![column] + rows.get('CARRIED_OVER')![column];
    const right = rows.get('RESULTS_TOTAL')![column] + rows.get('CARRIED_FORWARD')![column];
    return left === right ? [] : [{ column, left, right }];
  });
}
