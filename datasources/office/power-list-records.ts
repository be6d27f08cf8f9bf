/** The administrative power list (行政权力清单) and the public service list (公共服务事项清单), as the office store keeps them. */

/** Kinds of item in a power list (权力类型), plus public services. */
export const POWER_KINDS = [
  'ADMINISTRATIVE_APPROVAL',
  'ADMINISTRATIVE_PUNISHMENT',
  'ADMINISTRATIVE_COERCION',
  'ADMINISTRATIVE_LEVY',
  'ADMINISTRATIVE_PAYMENT',
  'ADMINISTRATIVE_INSPECTION',
  'ADMINISTRATIVE_CONFIRMATION',
  'ADMINISTRATIVE_REWARD',
  'ADMINISTRATIVE_ADJUDICATION',
  'OTHER_POWER',
  'PUBLIC_SERVICE',
] as const;
export type PowerKind = (typeof POWER_KINDS)[number];

/** A published list (目录清单); its items are `PowerListItemRecord`s. */
export interface PowerListRecord {
  id: string;
  /** Introductory text of the list as published. */
  body: string;
}

/** A fee charged for an item (收费), in 元. */
export interface PowerItemFee {
  charged: boolean;
  /** Amount in 元 as a decimal string, when fixed. */
  amount: string | null;
  /** Legal basis of the fee (收费依据), when charged. */
  basis: string | null;
}

/** One item of a list. */
export interface PowerListItemRecord {
  id: string;
  /** The list that published it. */
  listId: string;
  /** Position in the list, from 1. */
  sequence: number;
  kind: PowerKind;
  name: string;
  /** 设定依据. */
  legalBasis: string;
  /** 办理机构. */
  handlingOrganizationId: string;
  /** Whether the district delegated it to the town (区级下放). */
  delegatedFromDistrict: boolean;
  /** Day of the delegation, when delegated. */
  delegatedOn: string | null;
  /** 法定时限, in working days; null when the law sets none. */
  statutoryTimeLimitDays: number | null;
  /** 承诺时限, in working days. */
  promisedTimeLimitDays: number | null;
  fee: PowerItemFee;
}

/** Conditions on list items; every present condition must hold. */
export interface PowerListItemFilter {
  kinds?: PowerKind[];
  handlingOrganizationIds?: string[];
  delegatedFromDistrict?: boolean;
  listIds?: string[];
}
