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
 * The record keys a plan reaches, lazily and without reading the records,
 * each index entry counted as a key examined in every counter given. A
 * record reached twice (through a multikey index or two `$or` branches) is
 * yielded once; a key may name a record deleted since it was listed.
 */
export function* planKeys(coll: Collection | undefined, plan: Plan, counters: ExamineCounters[]): Generator<string> {
  if (coll === undefined || plan.stage === 'EOF') return;
  switch (plan.stage) {
    case 'IDHACK':
      for (const key of plan.keys) {
        for (const c of counters) c.keysExamined++;
        yield key;
      }
      return;
    case 'OR': {
      const seen = new Set<string>();
      for (const branch of plan.branches) {
        for (const key of planKeys(coll, branch, counters)) {
          if (seen.has(key)) continue;
          seen.add(key);
          yield key;
        }
      }
      return;
    }
    case 'COLLSCAN':
      yield* plan.reverse ? [...coll.store.keys()].reverse() : coll.store.keys();
      return;
    case 'IXSCAN': {
      const seen = plan.index.multikey ? new Set<string>() : undefined;
      const admit = (id: string): boolean => {
        for (const c of counters) c.keysExamined++;
        if (seen !== undefined) {
          if (seen.has(id)) return false;
          seen.add(id);
        }
        return plan.accept === undefined || plan.accept(id);
      };
      if (plan.points !== undefined) {
        for (const tuple of plan.points) for (const id of plan.index.idsWith(tuple)) if (admit(id)) yield id;
        return;
      }
      for (const [low, high] of plan.intervals) {
        for (const entry of plan.index.scan(low, high, plan.reverse)) if (admit(entry.id)) yield entry.id;
      }
      return;
    }
  }
}

/**
 * The documents a plan reaches, lazily, each counted as examined (and each
 * index entry as a key examined) in every counter given. A document reached
 * twice through a multikey index is yielded once; one deleted meanwhile is
 * skipped. `decode` reads a stored document's bytes (by default into the
 * whole document; a writer that needs a few fields decodes only those).
 */
export function* planCandidates(coll: Collection | undefined, plan: Plan, counters: ExamineCounters[], decode?: (bytes: Uint8Array) => Document): Generator<Candidate> {
  if (coll === undefined) return;
  if (plan.stage === 'OR') {
    // Each branch fetches its own records and the union is taken after, as mongod's OR stage does (and counts).
    const seen = new Set<string>();
    for (const branch of plan.branches) {
      for (const candidate of planCandidates(coll, branch, counters, decode)) {
        if (seen.has(candidate.key)) continue;
        seen.add(candidate.key);
        yield candidate;
      }
    }
    return;
  }
  const store = coll.store;
  for (const key of planKeys(coll, plan, counters)) {
    let doc: Document | undefined;
    if (decode === undefined) doc = store.get(key);
    else {
      const bytes = store.getBytes(key);
      doc = bytes === undefined ? undefined : decode(bytes);
    }
    if (doc === undefined) continue;
    for (const c of counters) c.docsExamined++;
    yield { key, doc };
  }
}
