/** Land requisition (征地) and land and house expropriation compensation (土地房屋征收补偿) notices, as the office store keeps them. */

/** What a notice announces. */
export type LandNoticeType = 'REQUISITION' | 'EXPROPRIATION_COMPENSATION';

/** An approval a requisition rests on (批准文件). */
export interface LandApprovalDocument {
  documentNumber: string;
  issuer: string;
  issuedOn: string;
}

/** A compensation standard (补偿标准): the rate of one item per unit, in 元. */
export interface CompensationStandard {
  item: string;
  /** Rate in 元 per `unit`, as a decimal string. */
  rate: string;
  /** e.g. 亩, 平方米, 株. */
  unit: string;
}

/** A compensation paid or due (补偿记录) to an affected village for one item. */
export interface LandCompensationRecord {
  villageId: string;
  item: string;
  /** Amount in 元, a decimal string. */
  amount: string;
  /** Day paid, when paid. */
  paidOn: string | null;
  /** The fund allocation (finance store) that paid it, when known. */
  allocationId: string | null;
}

/** A land requisition or compensation notice. */
export interface LandNoticeRecord {
  id: string;
  noticeType: LandNoticeType;
  /** 位置 / 四至. */
  location: string;
  /** Area in 亩 (mu) as announced, a decimal string. */
  areaMu: string;
  purpose: string;
  affectedVillageIds: string[];
  /** Day of the notice (公告日期). */
  announcedOn: string;
  /** Last day objections or hearing requests are taken (听证/异议期限), when stated. */
  objectionsUntil: string | null;
  approvalDocuments: LandApprovalDocument[];
  standards: CompensationStandard[];
  compensations: LandCompensationRecord[];
  body: string;
}
