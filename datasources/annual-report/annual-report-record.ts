/** The annual report as the data layer hands it out: tables, checks, violations; no applicant appears in it. */
import type { ColumnCounts, ReviewCounts } from './application-tables.js';
import type { ApplicationColumn } from './report-layout.js';

export type { ApplicationColumn, ColumnCounts, ReviewCounts };

/** The invariants the report checks. */
export type ReportInvariant = 'BALANCE' | 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT' | 'CARRIED_FORWARD_MATCHES_NEXT_REPORT';

/** Whether an invariant holds, fails, or could not be checked (and why). */
export interface ReportCheck {
  invariant: ReportInvariant;
  status: 'HOLDS' | 'VIOLATED' | 'NOT_CHECKED';
  detail: string;
}

/** One violation: the invariant, the column, the two figures, and the applications that make the difference. */
export interface ReportViolation {
  invariant: ReportInvariant;
  column: ApplicationColumn | null;
  expected: number | null;
  actual: number | null;
  trackingNumbers: string[];
  detail: string;
}

/** A row of table 三 with its counts. */
export interface ApplicationRow {
  key: string;
  label: string;
  heading: string | null;
  counts: ColumnCounts;
}

/** The annual report of one organization (and everything below it) for one year. */
export interface AnnualReportRecord {
  organizationId: string;
  organizationName: string;
  year: number;
  /** Proactive disclosure: catalog entries per category up to `catalogThrough` (inclusive). */
  catalog: { through: string; counts: Array<{ category: string; label: string; count: number }>; total: number; unavailableStores: string[] };
  /** The power list (行政权力清单) items handled by the organization or below it, per kind, as they stand today. */
  powerList: Array<{ kind: string; label: string; items: number; delegatedFromDistrict: number }>;
  /** Broadcasts (SMS platform, bulletin boards) sent in the period of the catalog counts, per channel. */
  broadcasts: Array<{ channel: string; label: string; broadcasts: number; messages: number }>;
  /** Table 二, 行政规范性文件·本年制发: normative documents issued in the year by the organization or below it, published. */
  normativeDocumentsIssued: number;
  /** Items of table 二 the graph does not hold: named, never invented. */
  proactiveNotHeld: string[];
  columns: Array<{ key: ApplicationColumn; label: string }>;
  /** Table 三; null when it does not add up (see `violations`). */
  applicationRows: ApplicationRow[] | null;
  /** Table 四. */
  reviews: Array<ReviewCounts & { label: string }>;
  checks: ReportCheck[];
  violations: ReportViolation[];
  /** When this report was published (its figures frozen for next year's check), if it was. */
  published: { publishedAt: Date; by: string } | null;
}
