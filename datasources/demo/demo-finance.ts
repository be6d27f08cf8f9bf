/** The finance store's demo records: 三公 statements with their items, and fund allocations. */
import type { FundAllocationRecord, ThreePublicExpenseRecord, ThreePublicStatementRecord } from '../finance/finance-records.js';
import { demoAllocations } from './demo-allocations.js';
import type { Publication } from './demo-catalog.js';
import { demoThreePublic } from './demo-three-public.js';

/** Statements, their items, allocations and the publications of both. */
export function demoFinance(): {
  statements: ThreePublicStatementRecord[];
  expenses: ThreePublicExpenseRecord[];
  allocations: FundAllocationRecord[];
  publications: Publication[];
} {
  const threePublic = demoThreePublic();
  const allocations = demoAllocations();
  return {
    statements: threePublic.statements,
    expenses: threePublic.expenses,
    allocations: allocations.allocations,
    publications: [...threePublic.publications, ...allocations.publications],
  };
}
