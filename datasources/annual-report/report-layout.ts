/**
 * The layout of the annual report's tables in the 2021 format
 * (国办公开办函〔2021〕30号): the columns and rows of table 三 (applications)
 * and the column groups of table 四 (review and litigation), with their
 * official Chinese labels.
 */
import { APPLICANT_TYPES, OUTCOME_REASONS, type ApplicantType, type Outcome, type OutcomeReason, type ReviewKind } from '../applications/application-records.js';

/** A column of table 三: an applicant type, or the total. */
export type ApplicationColumn = ApplicantType | 'TOTAL';
export const APPLICATION_COLUMNS: readonly ApplicationColumn[] = [...APPLICANT_TYPES, 'TOTAL'];

export const COLUMN_LABELS: Record<ApplicationColumn, string> = {
  NATURAL_PERSON: '自然人',
  COMMERCIAL_ENTERPRISE: '法人或其他组织·商业企业',
  RESEARCH_INSTITUTION: '法人或其他组织·科研机构',
  PUBLIC_INTEREST_ORGANIZATION: '法人或其他组织·社会公益组织',
  LEGAL_SERVICE_INSTITUTION: '法人或其他组织·法律服务机构',
  OTHER_ORGANIZATION: '法人或其他组织·其他',
  TOTAL: '总计',
};

const OUTCOME_LABELS: Record<Outcome, string> = {
  GRANTED: '（一）予以公开',
  PARTIALLY_GRANTED: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  REFUSED: '（三）不予公开',
  UNABLE_TO_PROVIDE: '（四）无法提供',
  NOT_PROCESSED: '（五）不予处理',
  OTHER_HANDLING: '（六）其他处理',
};

const REASON_LABELS: Record<OutcomeReason, string> = {
  STATE_SECRET: '1．属于国家秘密',
  PROHIBITED_BY_LAW: '2．其他法律行政法规禁止公开',
  ENDANGERS_SECURITY_OR_STABILITY: '3．危及“三安全一稳定”',
  THIRD_PARTY_RIGHTS: '4．保护第三方合法权益',
  INTERNAL_AFFAIRS: '5．属于三类内部事务信息',
  PROCESS_INFORMATION: '6．属于四类过程性信息',
  ENFORCEMENT_CASE_FILE: '7．属于行政执法案卷',
  ADMINISTRATIVE_INQUIRY: '8．属于行政查询事项',
  NOT_HELD: '1．本机关不掌握相关政府信息',
  WOULD_REQUIRE_CREATION: '2．没有现成信息需要另行制作',
  UNCLEAR_AFTER_CORRECTION: '3．补正后申请内容仍不明确',
  PETITION_OR_COMPLAINT: '1．信访举报投诉类申请',
  REPEATED_APPLICATION: '2．重复申请',
  PUBLICATION_REQUESTED: '3．要求提供公开出版物',
  EXCESSIVE_APPLICATIONS: '4．无正当理由大量反复申请',
  CONFIRMATION_REQUESTED: '5．要求行政机关确认或重新出具已获取信息',
  NO_CORRECTION_IN_TIME: '1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  FEE_NOT_PAID: '2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  OTHER: '3．其他',
};

/** One row of table 三: its key (`NEW`, `GRANTED`, `REFUSED.STATE_SECRET`, …), its official label, and the group it belongs to. */
export interface ApplicationRowDefinition {
  key: string;
  label: string;
  /** For reason rows: the outcome heading they sit under (printed once above them). */
  heading: string | null;
  /** Counted in （七）总计. */
  result: boolean;
}

/** The key of the row an outcome (with its reason) is counted in. */
export function outcomeRowKey(outcome: Outcome, reason: OutcomeReason | null): string {
  return reason === null ? outcome : `${outcome}.${reason}`;
}

/** The rows of table 三, in the official order. */
export const APPLICATION_ROWS: readonly ApplicationRowDefinition[] = [
  { key: 'NEW', label: '一、本年新收政府信息公开申请数量', heading: null, result: false },
  { key: 'CARRIED_OVER', label: '二、上年结转政府信息公开申请数量', heading: null, result: false },
  ...(Object.keys(OUTCOME_REASONS) as Outcome[]).flatMap((outcome): ApplicationRowDefinition[] => {
    const reasons: readonly OutcomeReason[] = OUTCOME_REASONS[outcome];
    if (reasons.length === 0) return [{ key: outcome, label: `三、本年度办理结果 ${OUTCOME_LABELS[outcome]}`, heading: null, result: true }];
    return reasons.map((reason) => ({ key: outcomeRowKey(outcome, reason), label: REASON_LABELS[reason], heading: `三、本年度办理结果 ${OUTCOME_LABELS[outcome]}`, result: true }));
  }),
  { key: 'RESULTS_TOTAL', label: '三、本年度办理结果 （七）总计', heading: null, result: false },
  { key: 'CARRIED_FORWARD', label: '四、结转下年度继续办理', heading: null, result: false },
];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  ADMINISTRATIVE_REVIEW: '行政复议',
  LITIGATION_WITHOUT_REVIEW: '行政诉讼·未经复议直接起诉',
  LITIGATION_AFTER_REVIEW: '行政诉讼·复议后起诉',
};

/** Chinese names of the catalog categories (公开目录类别 and portal columns). */
export const CATEGORY_LABELS: Record<string, string> = {
  ORGANIZATION_PERSONNEL: '机构职能人事任免',
  POLICY_DOCUMENTS: '政策及规范性文件',
  PUBLIC_WELFARE: '社会公益事业建设',
  URBAN_RURAL_DEVELOPMENT: '统筹城乡事业发展',
  SCIENCE_EDUCATION_CULTURE_HEALTH: '科教文卫事业建设',
  WORK_SAFETY_EMERGENCY: '安全生产应急管理',
  ADMINISTRATIVE_APPROVAL_LIST: '行政审批目录清单',
  PUBLIC_SERVICE_LIST: '公共服务事项目录清单',
  FISCAL_FUNDS: '财政资金信息',
  WORK_NEWS: '工作动态',
  NOTICES: '通知通告',
  PHOTO_NEWS: '图片新闻',
  POLICY_INTERPRETATIONS: '政策解读',
  BROADCASTS: '短信平台及公开栏',
};

/** Items of table 二 the graph does not hold yet: the report names them as absent rather than printing a number. */
export const PROACTIVE_ITEMS_NOT_HELD: readonly string[] = [
  '规章（本年制发、本年废止、现行有效）',
  '行政规范性文件（本年废止、现行有效：废止日期和某年年底的效力未记录，只有当前效力）',
  '行政许可（本年处理决定数量）',
  '行政处罚（本年处理决定数量）',
  '行政强制（本年处理决定数量）',
  '行政事业性收费（金额，万元）',
];

/** Chinese names of the kinds of power list items. */
export const POWER_KIND_LABELS: Record<string, string> = {
  ADMINISTRATIVE_APPROVAL: '行政审批（许可）',
  ADMINISTRATIVE_PUNISHMENT: '行政处罚',
  ADMINISTRATIVE_COERCION: '行政强制',
  ADMINISTRATIVE_LEVY: '行政征收',
  ADMINISTRATIVE_PAYMENT: '行政给付',
  ADMINISTRATIVE_INSPECTION: '行政检查',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_REWARD: '行政奖励',
  ADMINISTRATIVE_ADJUDICATION: '行政裁决',
  OTHER_POWER: '其他行政权力',
  PUBLIC_SERVICE: '公共服务事项',
};

/** Chinese names of broadcast channels. */
export const BROADCAST_CHANNEL_LABELS: Record<string, string> = {
  SMS_PLATFORM: '短信平台',
  GOVERNMENT_BULLETIN_BOARD: '政务公开栏',
  VILLAGE_BULLETIN_BOARD: '村务公开栏',
};
