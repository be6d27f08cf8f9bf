/** The resolvers of department pushes, review, withdrawal and the ledger, for the schema builder. */
import {
  AppointmentReviewResolver,
  FundAllocationReviewResolver,
  LedgerResolver,
  ProcurementReviewResolver,
  ThreePublicExpenseStatementReviewResolver,
} from './ledger.resolver.js';
import { PushOutcomeResolver, PushResolver } from './push.resolver.js';
import { ReviewResolver } from './review.resolver.js';

/** Every resolver class of the push path. */
export const PUSH_RESOLVERS = [
  PushResolver,
  PushOutcomeResolver,
  ReviewResolver,
  LedgerResolver,
  ThreePublicExpenseStatementReviewResolver,
  FundAllocationReviewResolver,
  ProcurementReviewResolver,
  AppointmentReviewResolver,
] as const;
