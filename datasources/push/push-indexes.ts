/** The collections the push path adds to every store, with their indexes: submissions and the ledger. */
import { LEDGER_INDEXES } from '../ledger/ledger-entry.js';
import type { CollectionIndexes } from '../store-connection.js';
import { SUBMISSION_INDEXES } from './submission.js';

/** Indexes of `submissions` and `ledger`, created in each store beside its own. */
export const PUSH_INDEXES: CollectionIndexes[] = [SUBMISSION_INDEXES, LEDGER_INDEXES];
