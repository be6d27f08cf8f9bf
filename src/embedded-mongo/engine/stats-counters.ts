/** Work counters the engine exposes through serverStatus and explain. */
export interface ExamineCounters {
  /** Documents fetched and deserialized to be tested against a filter. */
  docsExamined: number;
  /** Index entries (or `_id` lookups) visited. */
  keysExamined: number;
}

/** Fresh zeroed counters. */
export function newCounters(): ExamineCounters {
  return { docsExamined: 0, keysExamined: 0 };
}
