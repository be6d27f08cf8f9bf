/** The finance store (财政所): 三公 statements and expenses, fund allocations, plus its catalog. */
import type { Decimal128 } from 'mongodb';
import { CATALOG_INDEXES } from '../catalog/catalog-source.js';
import { fromDecimal128 } from '../decimal-money.js';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type DocumentJoin, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { FundAllocationRecord, ThreePublicExpenseRecord, ThreePublicStatementRecord } from './finance-records.js';

export const STATEMENTS = 'threePublicStatements';
export const EXPENSES = 'threePublicExpenses';
export const ALLOCATIONS = 'fundAllocations';

type Stored<T extends { id: string }> = Omit<T, 'id' | 'amount'> & { _id: string; amount?: Decimal128 };

function withAmount<T extends { id: string }>({ _id, amount, ...rest }: Stored<T>): T {
  return { id: _id, ...rest, ...(amount === undefined ? {} : { amount: fromDecimal128(amount) }) } as unknown as T;
}

/** Indexes of the finance store. */
export const FINANCE_INDEXES: CollectionIndexes[] = [
  CATALOG_INDEXES,
  { collection: STATEMENTS, indexes: [{ key: { organizationId: 1, year: 1, month: 1 }, name: 'organizationId_1_year_1_month_1' }] },
  {
    collection: EXPENSES,
    indexes: [
      { key: { statementId: 1 }, name: 'statementId_1' },
      // Analysts' filters by year and month (a year of expenses by organization and month).
      { key: { year: 1, month: 1 }, name: 'year_1_month_1' },
    ],
  },
  {
    collection: ALLOCATIONS,
    indexes: [
      { key: { recipientOrganizationId: 1, date: -1 }, name: 'recipientOrganizationId_1_date_-1' },
      { key: { payerId: 1, date: -1 }, name: 'payerId_1_date_-1' },
      // Analysts' date ranges over every payer.
      { key: { date: 1 }, name: 'date_1' },
    ],
  },
];

/** The records of the finance store's kinds, read with a catalog page: a statement with its lines, an allocation. */
export const FINANCE_PAGE_JOINS: readonly DocumentJoin[] = [
  { from: STATEMENTS, localField: '_id', foreignField: '_id', as: 'statements' },
  { from: EXPENSES, localField: '_id', foreignField: 'statementId', as: 'expenses' },
  { from: ALLOCATIONS, localField: '_id', foreignField: '_id', as: 'allocations' },
];

/** Reads of the finance store; each method is one query bounded by the store's timeout. */
export class FinanceStore {
  constructor(readonly connection: StoreConnection) {}

  /** 三公 statements with these ids. */
  async statementsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<ThreePublicStatementRecord[]> {
    const docs = await findByKeysThrough<Stored<ThreePublicStatementRecord>>(this.connection, STATEMENTS, ids, { prefetched });
    return docs.map(withAmount<ThreePublicStatementRecord>);
  }

  /** Every expense line of any of these statements. */
  async expensesByStatementIds(statementIds: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<ThreePublicExpenseRecord[]> {
    const docs = await findByKeysThrough<Stored<ThreePublicExpenseRecord>>(this.connection, EXPENSES, statementIds, { field: 'statementId', prefetched });
    return docs.map(withAmount<ThreePublicExpenseRecord>);
  }

  /** Expense lines with these ids. */
  async expensesByIds(ids: readonly string[]): Promise<ThreePublicExpenseRecord[]> {
    const docs = await this.connection.run((db) => findByKeys<Stored<ThreePublicExpenseRecord>>(db, EXPENSES, ids));
    return docs.map(withAmount<ThreePublicExpenseRecord>);
  }

  /** 三公 statements of any of these organizations. */
  async statementsByOrganizationIds(organizationIds: readonly string[]): Promise<ThreePublicStatementRecord[]> {
    const docs = await this.connection.run((db) => findByKeys<Stored<ThreePublicStatementRecord>>(db, STATEMENTS, organizationIds, 'organizationId'));
    return docs.map(withAmount<ThreePublicStatementRecord>);
  }

  /** Fund allocations paid or received by any of these organizations, in one query. */
  async allocationsByOrganizationIds(organizationIds: readonly string[]): Promise<FundAllocationRecord[]> {
    const keys = [...organizationIds];
    const docs = await this.connection.run(
      (db) =>
        db
          .collection(ALLOCATIONS)
          .find({ $or: [{ payerId: { $in: keys } }, { recipientOrganizationId: { $in: keys } }] }, { batchSize: 100_000 })
          .toArray() as unknown as Promise<Stored<FundAllocationRecord>[]>,
    );
    return docs.map(withAmount<FundAllocationRecord>);
  }

  /** Fund allocations with these ids. */
  async allocationsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<FundAllocationRecord[]> {
    const docs = await findByKeysThrough<Stored<FundAllocationRecord>>(this.connection, ALLOCATIONS, ids, { prefetched });
    return docs.map(withAmount<FundAllocationRecord>);
  }
}
