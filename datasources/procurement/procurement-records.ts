/** Records the procurement store keeps, shaped after the Open Contracting Data Standard (OCDS) release. Amounts are decimal strings in 元. */

/** OCDS procurementMethod codes. */
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';

/** An OCDS value: an amount and its currency. */
export interface MoneyValue {
  /** 元, decimal string. */
  amount: string;
  currency: 'CNY';
}

/** An OCDS period; dates are YYYY-MM-DD. */
export interface Period {
  startDate: string;
  endDate: string;
}

/** A reference to a supplier (OCDS organization reference). */
export interface SupplierReference {
  id: string;
  name: string;
}

export interface TenderRecord {
  id: string;
  title: string;
  procurementMethod: ProcurementMethod;
  /** The method in the words of 政府采购法, e.g. 公开招标, 竞争性谈判, 询价, 单一来源. */
  procurementMethodDetails: string;
  value: MoneyValue;
  tenderPeriod: Period;
  numberOfTenderers: number;
}

export interface AwardRecord {
  id: string;
  title: string;
  status: 'pending' | 'active' | 'cancelled' | 'unsuccessful';
  /** YYYY-MM-DD. */
  date: string;
  value: MoneyValue;
  suppliers: SupplierReference[];
}

export interface ContractRecord {
  id: string;
  awardId: string;
  title: string;
  status: 'pending' | 'active' | 'cancelled' | 'terminated';
  value: MoneyValue;
  /** YYYY-MM-DD. */
  dateSigned: string;
  period: Period;
}

/** An OCDS release of one contracting process. */
export interface ProcurementRecord {
  id: string;
  ocid: string;
  tag: string[];
  /** YYYY-MM-DD of the release. */
  date: string;
  buyerId: string;
  tender: TenderRecord;
  awards: AwardRecord[];
  contracts: ContractRecord[];
}

/** A supplier (OCDS party with the supplier role). */
export interface SupplierRecord {
  id: string;
  name: string;
  /** 统一社会信用代码 (scheme CN-USCC). */
  creditCode: string;
  locality: string;
}
