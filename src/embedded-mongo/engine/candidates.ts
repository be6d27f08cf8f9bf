import type { Document } from 'bson';
import type { Collection } from './collection.js';
import type { Plan } from './planner.js';
import type { ExamineCounters } from './stats-counters.js';

/** A stored document and its record key. */
export interface Candidate {
  key: string;
  doc: Document;
}

/**
 * The documents a plan reaches, lazily, each counted as examined (and each
 * index entry as a key examined) in every counter given. A document reached
 * twice through a multikey index is yielded once; one deleted meanwhile is
 * skipped.
 */
export function* planCandidates(coll: Collection | undefined, plan: Plan, counters: ExamineCounters[]): Generator<Candidate> {
  if (coll === undefined || plan.stage === 'EOF') return;
  const store = coll.store;
  const fetch = (key: string): Document | undefined => {
    const doc = store.get(key);
    if (doc !== undefined) for (const c of counters) c.docsExamined++;
    return doc;
  };
  switch (plan.stage) {
    case 'IDHACK':
      for (const key of plan.keys) {
        for (const c of counters) c.keysExamined++;
        const doc = fetch(key);
        if (doc !== undefined) yield { key, doc };
      }
      return;
    case 'OR': {
      const seen = new Set<string>();
      for (const branch of plan.branches) {
        for (const candidate of planCandidates(coll, branch, counters)) {
          if (seen.has(candidate.key)) continue;
          seen.add(candidate.key);
          yield candidate;
        }
      }
      return;
    }
    case 'COLLSCAN': {
      const keys = plan.reverse ? [...store.keys()].reverse() : store.keys();
      for (const key of keys) {
        const doc = fetch(key);
        if (doc !== undefined) yield { key, doc };
      }
      return;
    }
    case 'IXSCAN': {
      const seen = plan.index.multikey ? new Set<string>() : undefined;
      if (plan.points !== undefined) {
        for (const tuple of plan.points) {
          for (const id of plan.index.idsWith(tuple)) {
            for (const c of counters) c.keysExamined++;
            if (seen !== undefined) {
              if (seen.has(id)) continue;
              seen.add(id);
            }
            if (plan.accept !== undefined && !plan.accept(id)) continue;
            const doc = fetch(id);
            if (doc !== undefined) yield { key: id, doc };
          }
        }
        return;
      }
      for (const [low, high] of plan.intervals) {
        for (const entry of plan.index.scan(low, high, plan.reverse)) {
          for (const c of counters) c.keysExamined++;
          if (seen !== undefined) {
            if (seen.has(entry.id)) continue;
            seen.add(entry.id);
          }
          if (plan.accept !== undefined && !plan.accept(entry.id)) continue;
          const doc = fetch(entry.id);
          if (doc !== undefined) yield { key: entry.id, doc };
        }
      }
      return;
    }
  }
}
