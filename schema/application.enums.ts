/** Enums of applications for disclosure (依申请公开) and of the annual report's tables. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum ApplicantType {
  NATURAL_PERSON = 'NATURAL_PERSON',
  COMMERCIAL_ENTERPRISE = 'COMMERCIAL_ENTERPRISE',
  RESEARCH_INSTITUTION = 'RESEARCH_INSTITUTION',
  PUBLIC_INTEREST_ORGANIZATION = 'PUBLIC_INTEREST_ORGANIZATION',
  LEGAL_SERVICE_INSTITUTION = 'LEGAL_SERVICE_INSTITUTION',
  OTHER_ORGANIZATION = 'OTHER_ORGANIZATION',
}
registerEnumType(ApplicantType, {
  name: 'ApplicantType',
  description: 'Who applies (申请人情况), the columns of table 三 of the annual report: a natural person, or a legal person or other organization (法人或其他组织) of one of five kinds.',
  valuesConfig: {
    NATURAL_PERSON: { description: '自然人: a natural person.' },
    COMMERCIAL_ENTERPRISE: { description: '商业企业: a commercial enterprise.' },
    RESEARCH_INSTITUTION: { description: '科研机构: a research institution.' },
    PUBLIC_INTEREST_ORGANIZATION: { description: '社会公益组织: a public-interest organization.' },
    LEGAL_SERVICE_INSTITUTION: { description: '法律服务机构: a legal service institution (law firm, legal aid).' },
    OTHER_ORGANIZATION: { description: '其他: any other legal person or organization.' },
  },
});

export enum DeliveryForm {
  PAPER = 'PAPER',
  ELECTRONIC = 'ELECTRONIC',
  EMAIL = 'EMAIL',
  POST = 'POST',
  ON_SITE_READING = 'ON_SITE_READING',
  OTHER = 'OTHER',
}
registerEnumType(DeliveryForm, {
  name: 'DeliveryForm',
  description: 'How the applicant wants the information (获取信息的方式).',
  valuesConfig: {
    PAPER: { description: '纸质: a paper copy, collected at the office.' },
    ELECTRONIC: { description: '电子数据: electronic files (disc, download).' },
    EMAIL: { description: '电子邮件: by email.' },
    POST: { description: '邮寄: by post.' },
    ON_SITE_READING: { description: '当场阅读: read at the office.' },
    OTHER: { description: '其他: another form, described in the application.' },
  },
});

export enum ApplicationState {
  REGISTERED = 'REGISTERED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  CONSULTING_THIRD_PARTY = 'CONSULTING_THIRD_PARTY',
  CONSULTING_OTHER_AGENCY = 'CONSULTING_OTHER_AGENCY',
  EXTENDED = 'EXTENDED',
  ANSWERED = 'ANSWERED',
  WITHDRAWN = 'WITHDRAWN',
  IN_REVIEW_OR_LITIGATION = 'IN_REVIEW_OR_LITIGATION',
}
registerEnumType(ApplicationState, {
  name: 'ApplicationState',
  description: 'Where an application stands. The first five are open: the office owes an answer.',
  valuesConfig: {
    REGISTERED: { description: '已登记: received, the 20-working-day clock runs.' },
    CORRECTION_REQUESTED: { description: '补正中: the office asked the applicant to correct the application; the clock restarts when the corrected one arrives.' },
    CONSULTING_THIRD_PARTY: { description: '征求第三方意见: a third party is consulted; the clock is paused.' },
    CONSULTING_OTHER_AGENCY: { description: '征求其他机关意见: another agency is consulted; the clock is paused.' },
    EXTENDED: { description: '已延期: the answer period was extended (once, at most 20 working days).' },
    ANSWERED: { description: '已答复: answered; final unless a review or lawsuit follows.' },
    WITHDRAWN: { description: '已撤回: withdrawn by the applicant.' },
    IN_REVIEW_OR_LITIGATION: { description: '复议/诉讼中: an administrative review or lawsuit about the answer is pending.' },
  },
});

export enum ApplicationAction {
  FILE = 'FILE',
  REQUEST_CORRECTION = 'REQUEST_CORRECTION',
  RECEIVE_CORRECTION = 'RECEIVE_CORRECTION',
  CONSULT_THIRD_PARTY = 'CONSULT_THIRD_PARTY',
  CONSULT_OTHER_AGENCY = 'CONSULT_OTHER_AGENCY',
  END_CONSULTATION = 'END_CONSULTATION',
  EXTEND = 'EXTEND',
  ANSWER = 'ANSWER',
  WITHDRAW = 'WITHDRAW',
  FILE_REVIEW = 'FILE_REVIEW',
  DECIDE_REVIEW = 'DECIDE_REVIEW',
}
registerEnumType(ApplicationAction, {
  name: 'ApplicationAction',
  description: 'A step in the history of an application.',
  valuesConfig: {
    FILE: { description: '收到申请: the application was received.' },
    REQUEST_CORRECTION: { description: '告知补正: the office asked for a correction.' },
    RECEIVE_CORRECTION: { description: '收到补正: the corrected application was received; the clock starts again.' },
    CONSULT_THIRD_PARTY: { description: '征求第三方意见: consultation of a third party began.' },
    CONSULT_OTHER_AGENCY: { description: '征求其他机关意见: consultation of another agency began.' },
    END_CONSULTATION: { description: '意见收回: the consultation ended; the clock runs again.' },
    EXTEND: { description: '延期答复: the answer period was extended.' },
    ANSWER: { description: '答复: the office answered.' },
    WITHDRAW: { description: '撤回: the applicant withdrew the application.' },
    FILE_REVIEW: { description: '复议/起诉: an administrative review or a lawsuit was filed about the answer.' },
    DECIDE_REVIEW: { description: '复议/诉讼结果: a review or lawsuit was decided.' },
  },
});

export enum ConsultationParty {
  THIRD_PARTY = 'THIRD_PARTY',
  OTHER_AGENCY = 'OTHER_AGENCY',
}
registerEnumType(ConsultationParty, {
  name: 'ConsultationParty',
  description: 'Whom the office consulted while the clock was paused.',
  valuesConfig: {
    THIRD_PARTY: { description: '第三方: a third party whose rights the information may touch (15 working days to reply).' },
    OTHER_AGENCY: { description: '其他机关: another administrative agency.' },
  },
});

export enum ApplicationOutcome {
  GRANTED = 'GRANTED',
  PARTIALLY_GRANTED = 'PARTIALLY_GRANTED',
  REFUSED = 'REFUSED',
  UNABLE_TO_PROVIDE = 'UNABLE_TO_PROVIDE',
  NOT_PROCESSED = 'NOT_PROCESSED',
  OTHER_HANDLING = 'OTHER_HANDLING',
}
registerEnumType(ApplicationOutcome, {
  name: 'ApplicationOutcome',
  description: 'How an application was answered (办理结果), the rows of table 三 of the annual report.',
  valuesConfig: {
    GRANTED: { description: '（一）予以公开: disclosed.' },
    PARTIALLY_GRANTED: { description: '（二）部分公开: partly disclosed (区分处理的，只计这一情形).' },
    REFUSED: { description: '（三）不予公开: refused, with one of eight reasons.' },
    UNABLE_TO_PROVIDE: { description: '（四）无法提供: cannot be provided, with one of three reasons.' },
    NOT_PROCESSED: { description: '（五）不予处理: not processed, with one of five reasons.' },
    OTHER_HANDLING: { description: '（六）其他处理: handled otherwise, with one of three reasons.' },
  },
});

export enum ApplicationOutcomeReason {
  STATE_SECRET = 'STATE_SECRET',
  PROHIBITED_BY_LAW = 'PROHIBITED_BY_LAW',
  ENDANGERS_SECURITY_OR_STABILITY = 'ENDANGERS_SECURITY_OR_STABILITY',
  THIRD_PARTY_RIGHTS = 'THIRD_PARTY_RIGHTS',
  INTERNAL_AFFAIRS = 'INTERNAL_AFFAIRS',
  PROCESS_INFORMATION = 'PROCESS_INFORMATION',
  ENFORCEMENT_CASE_FILE = 'ENFORCEMENT_CASE_FILE',
  ADMINISTRATIVE_INQUIRY = 'ADMINISTRATIVE_INQUIRY',
  NOT_HELD = 'NOT_HELD',
  WOULD_REQUIRE_CREATION = 'WOULD_REQUIRE_CREATION',
  UNCLEAR_AFTER_CORRECTION = 'UNCLEAR_AFTER_CORRECTION',
  PETITION_OR_COMPLAINT = 'PETITION_OR_COMPLAINT',
  REPEATED_APPLICATION = 'REPEATED_APPLICATION',
  PUBLICATION_REQUESTED = 'PUBLICATION_REQUESTED',
  EXCESSIVE_APPLICATIONS = 'EXCESSIVE_APPLICATIONS',
  CONFIRMATION_REQUESTED = 'CONFIRMATION_REQUESTED',
  NO_CORRECTION_IN_TIME = 'NO_CORRECTION_IN_TIME',
  FEE_NOT_PAID = 'FEE_NOT_PAID',
  OTHER = 'OTHER',
}
registerEnumType(ApplicationOutcomeReason, {
  name: 'ApplicationOutcomeReason',
  description: 'The reason of an outcome that needs one, as table 三 lists them under 不予公开, 无法提供, 不予处理 and 其他处理.',
  valuesConfig: {
    STATE_SECRET: { description: '不予公开 1. 属于国家秘密: a state secret.' },
    PROHIBITED_BY_LAW: { description: '不予公开 2. 其他法律行政法规禁止公开: other laws forbid disclosure.' },
    ENDANGERS_SECURITY_OR_STABILITY: { description: '不予公开 3. 危及“三安全一稳定”: would endanger national, public, economic security or social stability.' },
    THIRD_PARTY_RIGHTS: { description: '不予公开 4. 保护第三方合法权益: protects a third party’s lawful rights.' },
    INTERNAL_AFFAIRS: { description: '不予公开 5. 属于三类内部事务信息: internal affairs.' },
    PROCESS_INFORMATION: { description: '不予公开 6. 属于四类过程性信息: process information (deliberations, drafts).' },
    ENFORCEMENT_CASE_FILE: { description: '不予公开 7. 属于行政执法案卷: an administrative enforcement case file.' },
    ADMINISTRATIVE_INQUIRY: { description: '不予公开 8. 属于行政查询事项: a matter for administrative inquiry.' },
    NOT_HELD: { description: '无法提供 1. 本机关不掌握相关政府信息: the office does not hold the information.' },
    WOULD_REQUIRE_CREATION: { description: '无法提供 2. 没有现成信息需要另行制作: it would have to be produced.' },
    UNCLEAR_AFTER_CORRECTION: { description: '无法提供 3. 补正后申请内容仍不明确: still unclear after correction.' },
    PETITION_OR_COMPLAINT: { description: '不予处理 1. 信访举报投诉类申请: a petition, report or complaint.' },
    REPEATED_APPLICATION: { description: '不予处理 2. 重复申请: a repeated application.' },
    PUBLICATION_REQUESTED: { description: '不予处理 3. 要求提供公开出版物: asks for published material.' },
    EXCESSIVE_APPLICATIONS: { description: '不予处理 4. 无正当理由大量反复申请: many repeated applications without good reason.' },
    CONFIRMATION_REQUESTED: { description: '不予处理 5. 要求行政机关确认或重新出具已获取信息: asks to confirm or reissue information already obtained.' },
    NO_CORRECTION_IN_TIME: { description: '其他处理 1. 申请人无正当理由逾期不补正: no correction within the time given.' },
    FEE_NOT_PAID: { description: '其他处理 2. 申请人逾期未按收费通知要求缴纳费用: the fee was not paid in time.' },
    OTHER: { description: '其他处理 3. 其他: otherwise (withdrawals are counted here in the annual report).' },
  },
});

export enum ReviewKind {
  ADMINISTRATIVE_REVIEW = 'ADMINISTRATIVE_REVIEW',
  LITIGATION_WITHOUT_REVIEW = 'LITIGATION_WITHOUT_REVIEW',
  LITIGATION_AFTER_REVIEW = 'LITIGATION_AFTER_REVIEW',
}
registerEnumType(ReviewKind, {
  name: 'ReviewKind',
  description: 'A challenge to an answer, the column groups of table 四 of the annual report.',
  valuesConfig: {
    ADMINISTRATIVE_REVIEW: { description: '行政复议: administrative review.' },
    LITIGATION_WITHOUT_REVIEW: { description: '行政诉讼·未经复议直接起诉: a lawsuit without review.' },
    LITIGATION_AFTER_REVIEW: { description: '行政诉讼·复议后起诉: a lawsuit after review.' },
  },
});

export enum ReviewResult {
  UPHELD = 'UPHELD',
  CORRECTED = 'CORRECTED',
  OTHER = 'OTHER',
}
registerEnumType(ReviewResult, {
  name: 'ReviewResult',
  description: 'How a review or lawsuit ended.',
  valuesConfig: {
    UPHELD: { description: '结果维持: the answer was upheld.' },
    CORRECTED: { description: '结果纠正: the answer was corrected.' },
    OTHER: { description: '其他结果: another result (withdrawn, dismissed…).' },
  },
});

export enum ClockState {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  AWAITING_CORRECTION = 'AWAITING_CORRECTION',
  STOPPED = 'STOPPED',
}
registerEnumType(ClockState, {
  name: 'ClockState',
  description: 'Whether the statutory answer clock runs.',
  valuesConfig: {
    RUNNING: { description: 'Working days count.' },
    PAUSED: { description: 'A consultation is under way; its working days do not count.' },
    AWAITING_CORRECTION: { description: 'Waiting for the corrected application; the full period starts again when it arrives.' },
    STOPPED: { description: 'Answered or withdrawn.' },
  },
});
