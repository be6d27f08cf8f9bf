import type { Document } from 'bson';
import type { Plan } from './planner.js';

/** The `winningPlan` of an explain: the access stage (`IDHACK`, `IXSCAN` with its index and any postings checked before a fetch, `COLLSCAN`, `EOF`). */
export function describePlan(plan: Plan): Document {
  switch (plan.stage) {
    case 'EOF':
      return { stage: 'EOF' };
    case 'COLLSCAN':
      return { stage: 'COLLSCAN', direction: plan.reverse ? 'backward' : 'forward' };
    case 'OR':
      return { stage: 'OR', inputStages: plan.branches.map(describePlan) };
    case 'IDHACK':
      return { stage: 'IDHACK', indexName: '_id_', keyPattern: { _id: 1 } };
    case 'IXSCAN':
      return {
        stage: 'IXSCAN',
        indexName: plan.index.name,
        keyPattern: plan.index.spec.key,
        isMultiKey: plan.index.multikey,
        isUnique: plan.index.unique,
        isSparse: plan.index.sparse,
        isPartial: plan.index.partial,
        direction: plan.reverse ? 'backward' : 'forward',
        providesSort: plan.providesSort,
        intervals: plan.intervals.length,
        // Records are fetched only when the postings of these values in that index all hold them.
        ...(plan.holds === undefined ? {} : { postingsChecked: { indexName: plan.holds.index.name, values: plan.holds.values.length } }),
      };
  }
}
