/**
 * What department systems push, one input type per record kind. Fields whose
 * absence or wrong value must refuse one record (not the whole call) are
 * nullable, and categories, codes and dates are strings checked per record
 * (a date such as 2015-02-30 is refused with its path). Amounts are
 * `Decimal` strings in 元. Every record carries the department's own id
 * (`sourceId`) and its source system's `version`.
 */
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar.js';
import { SourceVersionScalar } from './push-version.scalar.js';

const SOURCE_ID = "The department's own id of the record (1–100 characters of A-Z a-z 0-9 . _ -); the same id in a later push updates the record.";
const VERSION = 'Version in the source system (an integer or an ISO-8601 timestamp); a record is stored only when its version is newer than the stored one.';
const ORGANIZATION = 'Id of the organization the record belongs to, e.g. org-neicuo-czs (财政所); a department may push only its own.';
const TITLE = 'Title (标题) as published; a title is composed from the record when absent.';
const CHANNELS = 'Channels (公开渠道): TOWN_PORTAL, DISTRICT_PORTAL, GOVERNMENT_BULLETIN_BOARD, VILLAGE_BULLETIN_BOARD, SMS_PLATFORM, READING_POINT; TOWN_PORTAL when absent.';
const DAY = 'written YYYY-MM-DD';

@InputType({ description: 'One item of a pushed 三公 statement: the item, its amount in 元, and the counts that go with it.' })
export class ThreePublicExpenseItemPushInput {
  @Field(() => String, { nullable: true, description: 'Item: OVERSEAS_TRAVEL (因公出国(境)费), VEHICLE_PURCHASE (公务用车购置费), VEHICLE_OPERATION (公务用车运行维护费), OFFICIAL_RECEPTION (公务接待费).' })
  item?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in 元, not negative, at most 2 decimal places.' })
  amount?: string | null;

  @Field(() => Int, { nullable: true, description: '团组数: groups travelling abroad.' })
  groups?: number | null;

  @Field(() => Int, { nullable: true, description: '人数: people travelling abroad.' })
  travellers?: number | null;

  @Field(() => Int, { nullable: true, description: '购置数: vehicles purchased.' })
  vehiclesPurchased?: number | null;

  @Field(() => Int, { nullable: true, description: '保有量: official vehicles held.' })
  vehiclesHeld?: number | null;

  @Field(() => Int, { nullable: true, description: '接待批次: receptions.' })
  receptions?: number | null;

  @Field(() => Int, { nullable: true, description: '接待人数: guests received.' })
  guests?: number | null;
}

@InputType({ description: 'One 三公 statement (三公经费公开表) pushed by a finance system: an organization\'s budget (预算) or final (决算) figures for a month or a year, with its items.' })
export class ThreePublicExpenseStatementPushInput {
  @Field(() => String, { description: SOURCE_ID })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: VERSION })
  version!: number | string;

  @Field(() => String, { nullable: true, description: ORGANIZATION })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Phase: BUDGET (预算) or FINAL (决算).' })
  phase?: string | null;

  @Field(() => Int, { nullable: true, description: 'Fiscal year (年度).' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Month (月份) 1–12; absent for the whole year.' })
  month?: number | null;

  @Field(() => String, { nullable: true, description: TITLE })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: CHANNELS })
  channels?: string[] | null;

  @Field(() => [ThreePublicExpenseItemPushInput], { nullable: true, description: 'The items (1–4, each item once).' })
  items?: ThreePublicExpenseItemPushInput[] | null;
}

@InputType({ description: 'One allocation of funds (下拨资金) pushed by a finance system.' })
export class FundAllocationPushInput {
  @Field(() => String, { description: SOURCE_ID })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: VERSION })
  version!: number | string;

  @Field(() => String, { nullable: true, description: `${ORGANIZATION} The payer (拨款单位).` })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the receiving organization (收款单位, a village), when the recipient is one.' })
  recipientOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'The project funded (项目), when the recipient is a project.' })
  recipientProject?: string | null;

  @Field(() => String, { nullable: true, description: 'Purpose (用途).' })
  purpose?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in 元, not negative.' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: `Day the funds were allocated (拨付日期), ${DAY}.` })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Document number of the decision (文号).' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: TITLE })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: CHANNELS })
  channels?: string[] | null;
}

@InputType({ description: 'A period with start and end days.' })
export class PeriodPushInput {
  @Field(() => String, { nullable: true, description: `First day, ${DAY}.` })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: `Last day, ${DAY}, not before the first.` })
  endDate?: string | null;
}

@InputType({ description: 'A supplier named by an award; created or updated by its id when the release is published.' })
export class SupplierPushInput {
  @Field(() => String, { nullable: true, description: 'Supplier id (shared by every release naming it), e.g. supplier-001.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Name (供应商名称).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (unified social credit code, 18 characters).' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Locality (所在地).' })
  locality?: string | null;
}

@InputType({ description: 'The tender of a pushed release (OCDS tender).' })
export class TenderPushInput {
  @Field(() => String, { nullable: true, description: 'Tender id, local to the release.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (项目名称).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'OCDS procurement method: open (公开招标), selective (竞争性谈判), limited (询价), direct (单一来源).' })
  procurementMethod?: string | null;

  @Field(() => String, { nullable: true, description: 'The method in the words of 政府采购法; derived from the method when absent.' })
  procurementMethodDetails?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Estimated value (预算金额) in 元.' })
  value?: string | null;

  @Field(() => PeriodPushInput, { nullable: true, description: 'Period in which bids are accepted (投标期).' })
  tenderPeriod?: PeriodPushInput | null;

  @Field(() => Int, { nullable: true, description: 'Number of tenderers (投标人数).' })
  numberOfTenderers?: number | null;
}

@InputType({ description: 'An award of a pushed release (OCDS award).' })
export class AwardPushInput {
  @Field(() => String, { nullable: true, description: 'Award id, local to the release.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the award.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'OCDS award status: pending, active, cancelled or unsuccessful.' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: `Day of the award decision, ${DAY}.` })
  date?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Awarded value (中标金额) in 元.' })
  value?: string | null;

  @Field(() => [SupplierPushInput], { nullable: true, description: 'The suppliers awarded (at least one).' })
  suppliers?: SupplierPushInput[] | null;
}

@InputType({ description: 'A contract of a pushed release (OCDS contract).' })
export class ContractPushInput {
  @Field(() => String, { nullable: true, description: 'Contract id, local to the release.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the award of this release the contract follows.' })
  awardId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the contract.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'OCDS contract status: pending, active, cancelled or terminated.' })
  status?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Contract value (合同金额) in 元.' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: `Day the contract was signed (签订日期), ${DAY}.` })
  dateSigned?: string | null;

  @Field(() => PeriodPushInput, { nullable: true, description: 'Period of performance (履约期限).' })
  period?: PeriodPushInput | null;
}

@InputType({ description: 'One government procurement (政府采购) pushed by a procurement system: an OCDS release of one contracting process.' })
export class ProcurementPushInput {
  @Field(() => String, { description: SOURCE_ID })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: VERSION })
  version!: number | string;

  @Field(() => String, { nullable: true, description: `${ORGANIZATION} The buyer (采购人).` })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Open Contracting ID (ocid), ocds-<prefix>-<process id>; unique in the store.' })
  ocid?: string | null;

  @Field(() => [String], { nullable: true, description: 'OCDS release tags, e.g. tender, award, contract.' })
  tag?: string[] | null;

  @Field(() => String, { nullable: true, description: `Day of the release, ${DAY}.` })
  date?: string | null;

  @Field(() => String, { nullable: true, description: TITLE })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: CHANNELS })
  channels?: string[] | null;

  @Field(() => TenderPushInput, { nullable: true, description: 'The tender.' })
  tender?: TenderPushInput | null;

  @Field(() => [AwardPushInput], { nullable: true, description: 'Awards of the process.' })
  awards?: AwardPushInput[] | null;

  @Field(() => [ContractPushInput], { nullable: true, description: 'Contracts signed.' })
  contracts?: ContractPushInput[] | null;
}

@InputType({ description: 'The person an appointment names; created or updated by id when the appointment is published.' })
export class PersonPushInput {
  @Field(() => String, { nullable: true, description: 'Person id, e.g. person-001.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Name (姓名).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender (性别): MALE or FEMALE.' })
  gender?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth (出生年份).' })
  birthYear?: number | null;
}

@InputType({ description: 'The post an appointment names; created or updated by id when the appointment is published.' })
export class PostPushInput {
  @Field(() => String, { nullable: true, description: 'Post id, e.g. post-001.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Label (职务名称).' })
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the organization the post belongs to.' })
  organizationId?: string | null;
}

@InputType({ description: 'One appointment or dismissal (人事任免) pushed by a personnel system.' })
export class AppointmentPushInput {
  @Field(() => String, { description: SOURCE_ID })
  sourceId!: string;

  @Field(() => SourceVersionScalar, { description: VERSION })
  version!: number | string;

  @Field(() => String, { nullable: true, description: `${ORGANIZATION} The organization that decided it.` })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'APPOINT (任职) or DISMISS (免职).' })
  action?: string | null;

  @Field(() => PersonPushInput, { nullable: true, description: 'The person (人员).' })
  person?: PersonPushInput | null;

  @Field(() => PostPushInput, { nullable: true, description: 'The post (职务).' })
  post?: PostPushInput | null;

  @Field(() => String, { nullable: true, description: `Day the decision takes effect (生效日期), ${DAY}.` })
  effectiveDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Document number of the decision (文号).' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: `First day of the 任前公示 period, ${DAY}; with publicNoticeEnd.` })
  publicNoticeStart?: string | null;

  @Field(() => String, { nullable: true, description: `Last day of the 任前公示 period, ${DAY}.` })
  publicNoticeEnd?: string | null;

  @Field(() => String, { nullable: true, description: TITLE })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: CHANNELS })
  channels?: string[] | null;
}
