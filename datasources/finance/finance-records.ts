/** Records the finance store keeps: 三公 expenses and allocated funds (下拨资金). Amounts are decimal strings in 元. */

/** 预算 (budget, approved) or 决算 (final, executed), as the Fiscal Data Package phases. */
export type BudgetPhase = 'BUDGET' | 'FINAL';

/** The four 三公 items; vehicle purchase and vehicle running cost are separate. */
export type ThreePublicItem = 'OVERSEAS_TRAVEL' | 'VEHICLE_PURCHASE' | 'VEHICLE_OPERATION' | 'OFFICIAL_RECEPTION';

/** A disclosed 三公 statement: one organization, one phase, a month or the whole year. */
export interface ThreePublicStatementRecord {
  id: string;
  organizationId: string;
  phase: BudgetPhase;
  year: number;
  /** 1–12, or null for the whole year. */
  month: number | null;
}

/** One line of a 三公 statement: an item's amount and the counts that go with it. */
export interface ThreePublicExpenseRecord {
  id: string;
  statementId: string;
  organizationId: string;
  phase: BudgetPhase;
  year: number;
  month: number | null;
  item: ThreePublicItem;
  /** 元, decimal string. */
  amount: string;
  /** 因公出国(境): 团组数, 人数. */
  groups: number | null;
  travellers: number | null;
  /** 公务用车: 购置数, 保有量. */
  vehiclesPurchased: number | null;
  vehiclesHeld: number | null;
  /** 公务接待: 接待批次, 接待人数. */
  receptions: number | null;
  guests: number | null;
}

/** An allocation of funds (下拨资金) from a payer to a village or a project. */
export interface FundAllocationRecord {
  id: string;
  payerId: string;
  /** The receiving organization (a village), when the recipient is one. */
  recipientOrganizationId: string | null;
  /** The project funded, when the recipient is a project. */
  recipientProject: string | null;
  purpose: string;
  /** 元, decimal string. */
  amount: string;
  /** YYYY-MM-DD. */
  date: string;
  /** 文号 of the allocation decision. */
  documentNumber: string | null;
}
