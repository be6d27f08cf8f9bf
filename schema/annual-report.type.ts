/** The annual report on government information disclosure (政府信息公开工作年度报告), 2021 format, computed from the graph. */
import 'reflect-metadata';
import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReviewKind } from './application.enums.js';
import { Organization } from './organization.type.js';

export enum ReportInvariant {
  BALANCE = 'BALANCE',
  CARRIED_OVER_MATCHES_PREVIOUS_REPORT = 'CARRIED_OVER_MATCHES_PREVIOUS_REPORT',
  CARRIED_FORWARD_MATCHES_NEXT_REPORT = 'CARRIED_FORWARD_MATCHES_NEXT_REPORT',
}
registerEnumType(ReportInvariant, {
  name: 'ReportInvariant',
  description: 'The invariants of table 三 the report checks.',
  valuesConfig: {
    BALANCE: { description: '一 + 二 = 三 + 四 in every column, each application counted once on each side.' },
    CARRIED_OVER_MATCHES_PREVIOUS_REPORT: { description: 'This year’s 二 (上年结转) equals 四 (结转下年度) of last year’s published report.' },
    CARRIED_FORWARD_MATCHES_NEXT_REPORT: { description: 'This year’s 四 equals 二 of next year’s published report.' },
  },
});

export enum CheckStatus {
  HOLDS = 'HOLDS',
  VIOLATED = 'VIOLATED',
  NOT_CHECKED = 'NOT_CHECKED',
}
registerEnumType(CheckStatus, {
  name: 'CheckStatus',
  description: 'Result of a check.',
  valuesConfig: {
    HOLDS: { description: 'The invariant holds.' },
    VIOLATED: { description: 'It does not: see `violations`.' },
    NOT_CHECKED: { description: 'It could not be checked (no published report to compare with); `detail` says why.' },
  },
});

@ObjectType({ description: 'Catalog entries of one category (公开目录类别 or portal column) in the period.' })
export class ReportCategoryCount {
  @Field(() => String, { description: 'Category code, as in DisclosureCategory.' })
  category!: string;

  @Field(() => String, { description: 'Chinese name, e.g. 机构职能人事任免.' })
  label!: string;

  @Field(() => Int, { description: 'Entries published in the period.' })
  count!: number;
}

@ObjectType({ description: 'Proactive disclosure (主动公开) as the catalog holds it.' })
export class ProactiveDisclosureCounts {
  @Field(() => GraphQLLocalDate, { description: 'Counts run from 1 January through this day (inclusive).' })
  through!: string;

  @Field(() => [ReportCategoryCount], { description: 'Entries per category, in the catalog’s order; categories without entries are left out.' })
  counts!: ReportCategoryCount[];

  @Field(() => Int, { description: 'All entries of the period.' })
  total!: number;

  @Field(() => [String], { description: 'Stores that did not answer: their entries are missing from the counts.' })
  unavailableStores!: string[];
}

@ObjectType({ description: 'Items of the power list (行政权力清单) of one kind.' })
export class PowerListCount {
  @Field(() => String, { description: 'Kind code, as in the power list (e.g. ADMINISTRATIVE_APPROVAL, PUBLIC_SERVICE).' })
  kind!: string;

  @Field(() => String, { description: 'Chinese name, e.g. 公共服务事项.' })
  label!: string;

  @Field(() => Int, { description: 'Items handled by the organization or below it.' })
  items!: number;

  @Field(() => Int, { description: 'Of which delegated from the district (区级下放).' })
  delegatedFromDistrict!: number;
}

@ObjectType({ description: 'Broadcasts of one channel (短信平台, 公开栏) in the period.' })
export class BroadcastCount {
  @Field(() => String, { description: 'Channel code (SMS_PLATFORM, GOVERNMENT_BULLETIN_BOARD, VILLAGE_BULLETIN_BOARD).' })
  channel!: string;

  @Field(() => String, { description: 'Chinese name.' })
  label!: string;

  @Field(() => Int, { description: 'Broadcasts sent.' })
  broadcasts!: number;

  @Field(() => Int, { description: 'Messages sent (for the SMS platform: text messages, 条).' })
  messages!: number;
}

@ObjectType({ description: 'A column of table 三: an applicant type, or the total.' })
export class ReportColumn {
  @Field(() => String, { description: 'ApplicantType value, or TOTAL.' })
  key!: string;

  @Field(() => String, { description: 'Chinese heading.' })
  label!: string;
}

@ObjectType({ description: 'A row of table 三 (收到和处理政府信息公开申请情况) with its count per applicant type.' })
export class ApplicationReportRow {
  @Field(() => String, { description: 'Row key: NEW, CARRIED_OVER, an outcome (GRANTED, PARTIALLY_GRANTED), outcome.reason (e.g. REFUSED.STATE_SECRET), RESULTS_TOTAL or CARRIED_FORWARD.' })
  key!: string;

  @Field(() => String, { description: 'Official label, e.g. 一、本年新收政府信息公开申请数量.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'For reason rows: the outcome they belong to, e.g. （三）不予公开.' })
  heading!: string | null;

  @Field(() => Int, { description: '自然人.' })
  naturalPerson!: number;

  @Field(() => Int, { description: '法人或其他组织·商业企业.' })
  commercialEnterprise!: number;

  @Field(() => Int, { description: '法人或其他组织·科研机构.' })
  researchInstitution!: number;

  @Field(() => Int, { description: '法人或其他组织·社会公益组织.' })
  publicInterestOrganization!: number;

  @Field(() => Int, { description: '法人或其他组织·法律服务机构.' })
  legalServiceInstitution!: number;

  @Field(() => Int, { description: '法人或其他组织·其他.' })
  otherOrganization!: number;

  @Field(() => Int, { description: '总计.' })
  total!: number;
}

@ObjectType({ description: 'One column group of table 四 (行政复议、行政诉讼): cases filed in the year, by result at the end of the year.' })
export class ReviewReportGroup {
  @Field(() => ReviewKind, { description: 'Review, or lawsuit with or without review.' })
  kind!: ReviewKind;

  @Field(() => String, { description: 'Chinese heading.' })
  label!: string;

  @Field(() => Int, { description: '结果维持.' })
  upheld!: number;

  @Field(() => Int, { description: '结果纠正.' })
  corrected!: number;

  @Field(() => Int, { description: '其他结果.' })
  other!: number;

  @Field(() => Int, { description: '尚未审结.' })
  pending!: number;

  @Field(() => Int, { description: '总计.' })
  total!: number;
}

@ObjectType({ description: 'A check of the report and its result.' })
export class ReportCheck {
  @Field(() => ReportInvariant, { description: 'What was checked.' })
  invariant!: ReportInvariant;

  @Field(() => CheckStatus, { description: 'The result.' })
  status!: CheckStatus;

  @Field(() => String, { description: 'Explanation.' })
  detail!: string;
}

@ObjectType({ description: 'An invariant that does not hold, with the figures and the applications that make the difference (by tracking number; never the applicant).' })
export class ReportViolation {
  @Field(() => ReportInvariant, { description: 'The invariant.' })
  invariant!: ReportInvariant;

  @Field(() => String, { nullable: true, description: 'Column of table 三 (ApplicantType value or TOTAL).' })
  column!: string | null;

  @Field(() => Int, { nullable: true, description: 'The figure the invariant expects (the left side, or the published figure).' })
  expected!: number | null;

  @Field(() => Int, { nullable: true, description: 'The figure found.' })
  actual!: number | null;

  @Field(() => [String], { description: 'Tracking numbers of the applications involved.' })
  trackingNumbers!: string[];

  @Field(() => String, { description: 'Explanation.' })
  detail!: string;
}

@ObjectType({ description: 'When the report was published through the gateway (its rows 二 and 四 frozen for the next year’s check).' })
export class ReportPublication {
  @Field(() => GraphQLDateTimeISO, { description: 'When.' })
  publishedAt!: Date;

  @Field(() => String, { description: 'Principal id of who published it.' })
  by!: string;
}

@ObjectType({
  description:
    'The statutory annual report (政府信息公开工作年度报告, 国办公开办函〔2021〕30号 format) of an organization and everything below it for one year, computed from the graph: proactive disclosure counts, table 三 (applications), table 四 (review and litigation), and its invariants. Counts only: no applicant appears.',
})
export class AnnualReport {
  @Field(() => Organization, { description: 'The organization reported on.' })
  organization!: unknown;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => ProactiveDisclosureCounts, { description: '二 主动公开: the catalog counts per category and portal column.' })
  catalog!: ProactiveDisclosureCounts;

  @Field(() => [PowerListCount], { description: 'The power list items handled by the organization or below it, per kind, as they stand today (the list is not dated per year).' })
  powerList!: PowerListCount[];

  @Field(() => [BroadcastCount], { description: 'Broadcasts per channel in the period of the catalog counts (the broadcast platform is the town’s: not split by department).' })
  broadcasts!: BroadcastCount[];

  @Field(() => Int, { description: '二 行政规范性文件·本年制发: normative documents issued in the year by the organization or below it, as published in the catalog.' })
  normativeDocumentsIssued!: number;

  @Field(() => [String], { description: 'Items of table 二 the graph does not hold yet (rules, normative documents repealed and in force, licences, penalties, enforcement decisions, fees): named instead of invented.' })
  proactiveNotHeld!: string[];

  @Field(() => [ReportColumn], { description: 'Columns of table 三.' })
  columns!: ReportColumn[];

  @Field(() => [ApplicationReportRow], { nullable: true, description: 'Table 三, rows in the official order; null when it does not add up (see `violations`): the report never prints a table that does not balance.' })
  applicationRows!: ApplicationReportRow[] | null;

  @Field(() => [ReviewReportGroup], { description: 'Table 四.' })
  reviews!: ReviewReportGroup[];

  @Field(() => [ReportCheck], { description: 'Every invariant with its result.' })
  checks!: ReportCheck[];

  @Field(() => [ReportViolation], { description: 'The invariants that do not hold, with the applications involved; empty when the report is consistent.' })
  violations!: ReportViolation[];

  @Field(() => ReportPublication, { nullable: true, description: 'Set once the report was published.' })
  published!: ReportPublication | null;

  @Field(() => String, { description: 'Path of the HTML page of this report (GET, on this gateway).' })
  htmlPath!: string;

  @Field(() => String, { description: 'Path of the Markdown download of this report (GET, on this gateway).' })
  markdownPath!: string;
}
