/**
 * Builds the annual report of an organization and year from the graph: the
 * applications of the organization and everything below it (tables 三 and
 * 四), the catalog counts per category (proactive disclosure), and checks
 * against the published reports of the years before and after. Publishing
 * freezes a consistent report's carried-over and carried-forward figures
 * (collection `annualReports` of the office store), so that next year's
 * report can be checked against what was actually published.
 */
import type { ApplicationStore } from '../applications/application-store.js';
import { startOfChinaDay, addDays, chinaDate } from '../calendar/local-date.js';
import type { FederatedCatalog } from '../catalog/federated-catalog.js';
import type { OfficeStore } from '../office/office-store.js';
import { CatalogSource } from '../catalog/catalog-source.js';
import { BroadcastStore } from '../office/broadcast-store.js';
import type { PolicyRecord } from '../office/policy-records.js';
import { POLICIES } from '../office/policy-store.js';
import { subtreeIdsOf } from '../office/organization-tree.js';
import { PowerListStore } from '../office/power-list-store.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { AnnualReportRecord, ReportCheck, ReportViolation } from './annual-report-record.js';
import { applicationTables, unbalancedColumns, type ColumnCounts } from './application-tables.js';
import { ReportError } from './report-error.js';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, BROADCAST_CHANNEL_LABELS, CATEGORY_LABELS, COLUMN_LABELS, POWER_KIND_LABELS, PROACTIVE_ITEMS_NOT_HELD, REVIEW_KIND_LABELS } from './report-layout.js';

export const ANNUAL_REPORTS = 'annualReports';
export const ANNUAL_REPORT_INDEXES: CollectionIndexes = { collection: ANNUAL_REPORTS, indexes: [] };

/** What a published report keeps: who published it, and rows 二 and 四 with their applications. */
interface PublishedReportDoc {
  _id: string;
  organizationId: string;
  year: number;
  publishedAt: Date;
  by: string;
  carriedOver: { counts: ColumnCounts; trackingNumbers: string[] };
  carriedForward: { counts: ColumnCounts; trackingNumbers: string[] };
}

const FIRST_YEAR = 2008; // The first regulation on disclosure took effect on 1 May 2008.

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((x) => !other.has(x));
}

/** Reports from the stores; `now` decides which years have ended. */
export class AnnualReportSource {
  private readonly powerLists: PowerListStore;
  private readonly broadcasts: BroadcastStore;

  constructor(
    private readonly office: OfficeStore,
    private readonly applications: ApplicationStore,
    private readonly catalog: FederatedCatalog,
    private readonly connection: StoreConnection,
  ) {
    this.powerLists = new PowerListStore(connection);
    this.broadcasts = new BroadcastStore(connection);
    this.officeCatalog = new CatalogSource(connection);
  }

  private readonly officeCatalog: CatalogSource;

  /** Normative documents (行政规范性文件) issued in the year by these organizations and published by `now`. */
  private async normativeDocumentsIssued(scope: readonly string[], year: number, now: Date): Promise<number> {
    const issued = await this.connection.run((db) =>
      db
        .collection<Pick<PolicyRecord, 'normative' | 'issuingOrganizationId' | 'issuedOn'> & { _id: string }>(POLICIES)
        .find({ normative: true, issuingOrganizationId: { $in: [...scope] }, issuedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { projection: { _id: 1 } })
        .toArray(),
    );
    const entries = await this.officeCatalog.byIds(issued.map((doc) => doc._id));
    return entries.filter((entry) => entry.publishedAt <= now).length;
  }

  /** The report of `organizationId` for `year`; catalog counts run through `catalogThrough` (default 31 December). Throws ReportError for an unknown organization or a year out of range. */
  async build(organizationId: string, year: number, now: Date, catalogThrough?: string): Promise<AnnualReportRecord> {
    const thisYear = Number(chinaDate(now).slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear) throw new ReportError('BAD_USER_INPUT', `year must be from ${FIRST_YEAR} to ${thisYear}`, 'year');
    const through = catalogThrough ?? `${year}-12-31`;
    if (through < `${year}-01-01` || through > `${year}-12-31`) throw new ReportError('BAD_USER_INPUT', `catalogThrough must be a day of ${year}`, 'catalogThrough');
    const organizations = await this.office.allOrganizations();
    const organization = organizations.find((o) => o.id === organizationId);
    if (!organization) throw new ReportError('BAD_USER_INPUT', 'No organization with this id', 'organizationId');
    const scope = subtreeIdsOf(organizations, [organizationId])[0]!;

    const from = startOfChinaDay(`${year}-01-01`);
    const to = startOfChinaDay(addDays(through, 1));
    const [applications, categoryCounts, published, powerItems, broadcastTotals, normativeIssued] = await Promise.all([
      this.applications.receivedUntil(scope, `${year}-12-31`),
      this.catalog.countByCategory({ organizationIds: scope, publishedFrom: from, publishedTo: to, visibleAt: now }),
      this.connection.run((db) => db.collection<PublishedReportDoc>(ANNUAL_REPORTS).find({ _id: { $in: [`${organizationId}:${year - 1}`, `${organizationId}:${year}`, `${organizationId}:${year + 1}`] } }).toArray()),
      this.powerLists.items({ handlingOrganizationIds: scope }),
      this.broadcasts.totals({ from, to, visibleAt: now }),
      this.normativeDocumentsIssued(scope, year, now),
    ]);
    const powerList = new Map<string, { items: number; delegatedFromDistrict: number }>();
    for (const item of powerItems) {
      const counts = powerList.get(item.kind) ?? { items: 0, delegatedFromDistrict: 0 };
      counts.items += 1;
      if (item.delegatedFromDistrict) counts.delegatedFromDistrict += 1;
      powerList.set(item.kind, counts);
    }
    const tables = applicationTables(applications, year);
    const publishedOf = (y: number) => published.find((doc) => doc.year === y) ?? null;

    const violations: ReportViolation[] = [];
    const checks: ReportCheck[] = [];
    const unbalanced = unbalancedColumns(tables.rows);
    for (const { column, left, right } of unbalanced) {
      const involved = tables.violations.filter((v) => column === 'TOTAL' || v.applicantType === column).map((v) => v.trackingNumber);
      violations.push({ invariant: 'BALANCE', column, expected: left, actual: right, trackingNumbers: involved, detail: `一 + 二 = ${left} but 三 + 四 = ${right} for ${COLUMN_LABELS[column]}` });
    }
    for (const v of tables.violations) {
      if (unbalanced.length === 0) {
        // Offsetting errors can balance a column; the applications still disagree with themselves.
        violations.push({ invariant: 'BALANCE', column: v.applicantType, expected: v.left.length, actual: v.right.length, trackingNumbers: [v.trackingNumber], detail: `${v.trackingNumber} is counted in ${v.left.join(', ') || 'no row'} on the left and ${v.right.join(', ') || 'no row'} on the right` });
      }
    }
    const balanced = tables.violations.length === 0;
    checks.push({
      invariant: 'BALANCE',
      status: balanced ? 'HOLDS' : 'VIOLATED',
      detail: balanced ? '一 + 二 = 三 + 四 in every column, and every application is counted once on each side.' : `${tables.violations.length} application(s) are counted differently on the two sides: ${tables.violations.map((v) => `${v.trackingNumber} (left: ${v.left.join(', ') || 'none'}; right: ${v.right.join(', ') || 'none'})`).join('; ')}`,
    });

    const previous = publishedOf(year - 1);
    if (!previous) {
      checks.push({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', status: 'NOT_CHECKED', detail: `No report for ${year - 1} was published through the gateway: row 二 is as counted from the applications.` });
    } else {
      const added = difference(tables.carriedOver, previous.carriedForward.trackingNumbers);
      const missing = difference(previous.carriedForward.trackingNumbers, tables.carriedOver);
      for (const column of APPLICATION_COLUMNS) {
        const expected = previous.carriedForward.counts[column];
        const actual = tables.rows.get('CARRIED_OVER')![column];
        if (expected !== actual || (column === 'TOTAL' && (added.length > 0 || missing.length > 0))) {
          violations.push({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', column, expected, actual, trackingNumbers: [...added, ...missing].sort(), detail: `The published ${year - 1} report carried ${expected} forward for ${COLUMN_LABELS[column]}; ${actual} are carried over now` });
        }
      }
      const holds = !violations.some((v) => v.invariant === 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT');
      checks.push({ invariant: 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT', status: holds ? 'HOLDS' : 'VIOLATED', detail: holds ? `Row 二 equals row 四 of the ${year - 1} report published on ${previous.publishedAt.toISOString()}.` : `Row 二 differs from row 四 of the published ${year - 1} report.` });
    }
    const next = publishedOf(year + 1);
    if (!next) {
      checks.push({ invariant: 'CARRIED_FORWARD_MATCHES_NEXT_REPORT', status: 'NOT_CHECKED', detail: `No report for ${year + 1} was published through the gateway.` });
    } else {
      const differ = [...difference(tables.carriedForward, next.carriedOver.trackingNumbers), ...difference(next.carriedOver.trackingNumbers, tables.carriedForward)].sort();
      const actual = tables.rows.get('CARRIED_FORWARD')!.TOTAL;
      const holds = differ.length === 0 && actual === next.carriedOver.counts.TOTAL;
      if (!holds) violations.push({ invariant: 'CARRIED_FORWARD_MATCHES_NEXT_REPORT', column: 'TOTAL', expected: next.carriedOver.counts.TOTAL, actual, trackingNumbers: differ, detail: `The published ${year + 1} report carried over ${next.carriedOver.counts.TOTAL}; ${actual} are carried forward now` });
      checks.push({ invariant: 'CARRIED_FORWARD_MATCHES_NEXT_REPORT', status: holds ? 'HOLDS' : 'VIOLATED', detail: holds ? `Row 四 equals row 二 of the published ${year + 1} report.` : `Row 四 differs from row 二 of the published ${year + 1} report.` });
    }

    const own = publishedOf(year);
    const counts = [...categoryCounts.value.entries()].map(([category, count]) => ({ category, label: CATEGORY_LABELS[category] ?? category, count }));
    return {
      organizationId,
      organizationName: organization.name,
      year,
      catalog: {
        through,
        counts: counts.sort((a, b) => Object.keys(CATEGORY_LABELS).indexOf(a.category) - Object.keys(CATEGORY_LABELS).indexOf(b.category)),
        total: counts.reduce((sum, c) => sum + c.count, 0),
        unavailableStores: categoryCounts.unavailable.map((error) => error.source),
      },
      powerList: [...powerList.entries()].map(([kind, counts]) => ({ kind, label: POWER_KIND_LABELS[kind] ?? kind, ...counts })),
      broadcasts: broadcastTotals.map((t) => ({ channel: t.channel, label: BROADCAST_CHANNEL_LABELS[t.channel] ?? t.channel, broadcasts: t.broadcasts, messages: t.messages })),
      normativeDocumentsIssued: normativeIssued,
      proactiveNotHeld: [...PROACTIVE_ITEMS_NOT_HELD],
      columns: APPLICATION_COLUMNS.map((key) => ({ key, label: COLUMN_LABELS[key] })),
      applicationRows: balanced ? APPLICATION_ROWS.map((row) => ({ key: row.key, label: row.label, heading: row.heading, counts: tables.rows.get(row.key)! })) : null,
      reviews: tables.reviews.map((r) => ({ ...r, label: REVIEW_KIND_LABELS[r.kind] })),
      checks,
      violations,
      published: own ? { publishedAt: own.publishedAt, by: own.by } : null,
    };
  }

  /**
   * Publishes the report of an ended year: freezes rows 二 and 四 with their
   * applications. Refused while it has violations (REPORT_INCONSISTENT),
   * for the current year (REPORT_YEAR_NOT_ENDED), and a second time (CONFLICT).
   */
  async publish(organizationId: string, year: number, by: string, now: Date): Promise<AnnualReportRecord> {
    const report = await this.build(organizationId, year, now);
    if (year >= Number(chinaDate(now).slice(0, 4))) throw new ReportError('REPORT_YEAR_NOT_ENDED', `The ${year} report can be published once the year has ended`, 'year');
    if (report.violations.length > 0 || report.applicationRows === null) {
      throw new ReportError('REPORT_INCONSISTENT', `The ${year} report has ${report.violations.length} violation(s); correct the applications involved first`);
    }
    const rows = new Map(report.applicationRows.map((row) => [row.key, row.counts]));
    const tables = applicationTables(await this.applications.receivedUntil(subtreeIdsOf(await this.office.allOrganizations(), [organizationId])[0]!, `${year}-12-31`), year);
    const doc: PublishedReportDoc = {
      _id: `${organizationId}:${year}`,
      organizationId,
      year,
      publishedAt: now,
      by,
      carriedOver: { counts: rows.get('CARRIED_OVER')!, trackingNumbers: tables.carriedOver },
      carriedForward: { counts: rows.get('CARRIED_FORWARD')!, trackingNumbers: tables.carriedForward },
    };
    const result = await this.connection.run((db) => db.collection<PublishedReportDoc>(ANNUAL_REPORTS).updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true, writeConcern: { w: 'majority' } }));
    if (result.upsertedCount === 0) throw new ReportError('CONFLICT', `The ${year} report of this organization is already published`);
    return { ...report, published: { publishedAt: now, by } };
  }
}
